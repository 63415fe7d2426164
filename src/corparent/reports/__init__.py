"""Documents made from the records: the panel pack (PDF and DOCX), later the annual report."""
