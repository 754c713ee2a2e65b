import sys

line = "x" * 1023
for _ in range(110 * 1024):  # about 110 MB on stdout
    print(line)
sys.stderr.write("e" * (200 * 1024))


def f(x):
    return x + 1
