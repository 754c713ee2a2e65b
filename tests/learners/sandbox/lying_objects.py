class Liar:
    def __eq__(self, other):
        return True

    def __float__(self):
        raise RuntimeError("I will not be converted")

    def __str__(self):
        return "a liar"


class Fibber(float):
    def __eq__(self, other):
        return True


class Unprintable:
    def __float__(self):
        return 1.0

    def __str__(self):
        raise RuntimeError("no")


def liar(x):
    return Liar()


def fibber(x):
    return Fibber(41.0)


def unprintable(x):
    return Unprintable()


def mixed(x):
    return [1.0, "two", 3.0]
