from reader.cli import run

run()
