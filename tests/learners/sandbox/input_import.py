name = input("your name? ")


def f(x):
    return x
