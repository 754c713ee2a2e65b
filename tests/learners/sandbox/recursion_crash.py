import sys

sys.setrecursionlimit(10**6)


def f(x):
    # The recursion passes through C code (map), so it overflows the C stack.
    return list(map(f, [x + 1]))


def deep(x):
    return deep(x + 1) + 1


def g(x):
    return -x
