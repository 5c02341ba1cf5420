"""Every sentence and label the program says, in English and Arabic."""
