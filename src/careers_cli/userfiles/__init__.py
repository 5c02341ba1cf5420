"""The files the program keeps for a user (the skill profile), and how every file it writes is
written: whole, in one step."""
