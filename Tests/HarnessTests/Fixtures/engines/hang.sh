# An engine that never finishes; its child sleep must die with it when the harness times it out.
sleep 300
