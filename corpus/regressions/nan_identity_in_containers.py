# jitbench: containers compare items by identity first: nan in [nan] and [nan] == [nan] hold though nan != nan
nan = float("nan")
print(nan == nan, nan in [nan], [nan] == [nan], (nan,) == (nan,), {nan: 1}[nan], [nan].count(nan), [nan].index(nan))
