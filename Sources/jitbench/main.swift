print("jitbench")
