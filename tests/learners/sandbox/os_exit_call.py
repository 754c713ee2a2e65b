import os


def f(x):
    os._exit(0)


def g(x):
    return -x
