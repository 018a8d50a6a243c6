"""One module per schema revision; the file names are free, the revision ids inside count."""
