# jitbench: richards-style OS task scheduler: task control blocks, packet queues, state bits, polymorphic run()
ITERATIONS = 6
IDLE_COUNT = 10000

ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4

RUNNING, RUNNABLE, SUSPENDED, HELD = 0, 1, 2, 4
SUSPENDED_RUNNABLE = SUSPENDED | RUNNABLE


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.payload = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.link = scheduler.task_list
        scheduler.task_list = self
        scheduler.tasks[ident] = self

    def held_or_suspended(self):
        return (self.state & HELD) != 0 or self.state == SUSPENDED

    def run(self):
        if self.state == SUSPENDED_RUNNABLE:
            packet = self.queue
            self.queue = packet.link
            self.state = RUNNING if self.queue is None else RUNNABLE
        else:
            packet = None
        return self.step(packet)

    def receive(self, sender, packet):
        if self.queue is None:
            self.queue = packet
            self.state |= RUNNABLE
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, count):
        super().__init__(scheduler, ID_IDLE, 0, None, RUNNING)
        self.control = 1
        self.count = count

    def step(self, packet):
        s = self.scheduler
        self.count -= 1
        if self.count == 0:
            return s.hold_current()
        if self.control & 1 == 0:
            self.control >>= 1
            return s.release(ID_DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return s.release(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        super().__init__(scheduler, ID_WORKER, 1000, queue, SUSPENDED_RUNNABLE)
        self.destination = ID_HANDLER_A
        self.letter = 0

    def step(self, packet):
        s = self.scheduler
        if packet is None:
            return s.suspend_current()
        self.destination = ID_HANDLER_B if self.destination == ID_HANDLER_A else ID_HANDLER_A
        packet.dest = self.destination
        packet.count = 0
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.payload[i] = self.letter
        return s.enqueue(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue, SUSPENDED_RUNNABLE)
        self.work = None
        self.devices = None

    def step(self, packet):
        s = self.scheduler
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            index = work.count
            if index < DATA_SIZE:
                if self.devices is not None:
                    dev = self.devices
                    self.devices = dev.link
                    dev.count = work.payload[index]
                    work.count = index + 1
                    return s.enqueue(dev)
            else:
                self.work = work.link
                return s.enqueue(work)
        return s.suspend_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None, SUSPENDED)
        self.pending = None
        self.output = []

    def step(self, packet):
        s = self.scheduler
        if packet is None:
            if self.pending is None:
                return s.suspend_current()
            p = self.pending
            self.pending = None
            return s.enqueue(p)
        self.pending = packet
        if len(self.output) < 40:
            self.output.append(chr(ord("A") + packet.count - 1))
        return s.hold_current()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def release(self, ident):
        task = self.tasks[ident]
        task.state &= ~HELD
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_current(self):
        self.hold_count += 1
        self.current.state |= HELD
        return self.current.link

    def suspend_current(self):
        self.current.state |= SUSPENDED
        return self.current

    def enqueue(self, packet):
        target = self.tasks[packet.dest]
        self.queue_count += 1
        packet.link = None
        packet.dest = self.current.ident
        return target.receive(self.current, packet)

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.held_or_suspended():
                task = task.link
            else:
                self.current = task
                task = task.run()


def run_once(idle_count):
    s = Scheduler()
    IdleTask(s, idle_count)
    work = Packet(None, ID_WORKER, KIND_WORK)
    work = Packet(work, ID_WORKER, KIND_WORK)
    WorkerTask(s, work)
    queue = None
    for _ in range(3):
        queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    HandlerTask(s, ID_HANDLER_A, 2000, queue)
    queue = None
    for _ in range(3):
        queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    HandlerTask(s, ID_HANDLER_B, 3000, queue)
    DeviceTask(s, ID_DEVICE_A, 4000)
    DeviceTask(s, ID_DEVICE_B, 5000)
    s.schedule()
    return s


if __name__ == "__main__":
    for it in range(ITERATIONS):
        count = IDLE_COUNT + it * 1000
        s = run_once(count)
        print(f"idle count {count}: queue_count={s.queue_count} hold_count={s.hold_count}")
        for ident in (ID_DEVICE_A, ID_DEVICE_B):
            print("  device", ident, "saw", "".join(s.tasks[ident].output))
    s = run_once(IDLE_COUNT)
    print("states:", [t.state for t in s.tasks])
    print("reference check:", s.queue_count == 23246 and s.hold_count == 9297)
