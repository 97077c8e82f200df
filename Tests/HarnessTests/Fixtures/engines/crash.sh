# An engine that dies of a segmentation fault before printing anything.
kill -SEGV $$
