def f(x):
    return x**3 - 2 * x**2 + 1


if __name__ == "__main__":
    while True:
        pass
