"""The files the program keeps for a user: the skill profile."""
