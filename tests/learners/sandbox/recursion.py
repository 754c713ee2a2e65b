def f(x):
    return f(x + 1)


def g(x):
    return -x
