# An engine that refuses to run: a non-zero exit and a message on stderr.
echo "failing engine: cannot run $1" >&2
exit 3
