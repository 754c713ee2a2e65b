def f(x):
    return x**3 - 2 * x**2 + 1


def df(x):
    while True:
        pass


def g(x):
    return 2 * x
