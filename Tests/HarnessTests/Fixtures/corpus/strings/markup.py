# jitbench: prints markup that a report must escape <script>alert("description")</script>
# jitbench: timeout=10
print("<script>alert('output')</script> & done", end="")
