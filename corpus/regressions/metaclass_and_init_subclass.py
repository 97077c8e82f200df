# jitbench: a metaclass's __new__ and __call__, __init_subclass__ with class keywords, and __set_name__ all run (they were once ignored)
class Tagged(type):
    def __new__(mcls, name, bases, namespace, **keywords):
        namespace["tag"] = name.lower()
        cls = super().__new__(mcls, name, bases, namespace, **keywords)
        cls.created_by = mcls.__name__
        return cls

    def __call__(cls, *args):
        instance = super().__call__(*args)
        instance.made_by_meta = True
        return instance


class Plugin(metaclass=Tagged):
    registry = []

    def __init_subclass__(cls, priority=0, **rest):
        super().__init_subclass__(**rest)
        cls.priority = priority
        Plugin.registry.append(cls.__name__)

    def __init__(self, value):
        self.value = value


class Fast(Plugin, priority=5):
    pass


class Slow(Fast):
    pass


class Field:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + "." + name


class Record:
    key = Field()


f = Fast(7)
print(Fast.tag, Fast.created_by, Fast.priority, Slow.priority, Plugin.registry)
print(type(Fast).__name__, f.value, f.made_by_meta, Record.key.name)
