from . import reference

print(reference(), end="")
