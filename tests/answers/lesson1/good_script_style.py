"""Script style: top-level prints and a plot, as written in a notebook."""

import numpy as np
import matplotlib.pyplot as plt

def f(x):
    return x**3 - 2*x**2 + 1


def df(x):
    return 3*x**2 - 4*x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x - dx)) / (2 * dx)


xs = np.linspace(-10, 10, 500)
print("max error of the forward difference:", np.max(np.abs(rate_of_change(f, xs, 1e-4) - df(xs))))
plt.plot(xs, f(xs), label="f")
plt.plot(xs, df(xs), label="df")
plt.legend()
plt.show()

if __name__ == "__main__":
    raise SystemExit("this block must not run when the file is checked")
