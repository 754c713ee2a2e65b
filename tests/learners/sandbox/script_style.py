import matplotlib.pyplot as plt
import numpy as np

xs = np.linspace(-1, 2, 50)
print("plotting", len(xs), "points")
plt.plot(xs, xs**3 - 2 * xs**2 + 1)
plt.savefig("figure.png")
plt.show()


def f(x):
    return x**3 - 2 * x**2 + 1
