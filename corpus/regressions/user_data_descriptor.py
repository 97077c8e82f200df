# jitbench: a class with __get__ and __set__ is a data descriptor and wins over the instance's attributes (assignment once bypassed it)
class Positive:
    def __set_name__(self, owner, name):
        self.slot = "_" + name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return getattr(instance, self.slot)

    def __set__(self, instance, value):
        if value <= 0:
            raise ValueError(f"{self.slot[1:]} must be positive, got {value}")
        setattr(instance, self.slot, value)


class Box:
    width = Positive()
    height = Positive()

    def __init__(self, width, height):
        self.width = width
        self.height = height


box = Box(3, 4)
print(box.width * box.height, sorted(vars(box)), type(Box.width).__name__)
try:
    box.height = -1
except ValueError as error:
    print("rejected:", error)
print(box.height)
