import numpy as np


def big_list(x):
    return [0] * 10**10


def big_array(x):
    return np.ones(10**11)


def f(x):
    return x + 1
