from reader.entry import run

run()
