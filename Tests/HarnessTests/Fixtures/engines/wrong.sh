# A deliberately wrong engine: CPython's output with every "s" turned into "z".
python3 "$@" | tr s z
