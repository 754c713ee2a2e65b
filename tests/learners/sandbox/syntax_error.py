def f(x):
    return x**3 - 2 * x**2 + 1


def df(x)
    return 3 * x**2 - 4 * x
