# jitbench: obj.method(arg) must call the method with obj as self (a release build once dropped the store of the method)
class Box:
    def __init__(self):
        self.items = []

    def put(self, item):
        self.items.append(item)
        return len(self.items)


box = Box()
print([box.put(i) for i in range(3)], "a,b".split(","), box.items)
