"""The corpus of the fault scripts: 300 seed copies as .txt .htm .html .shtml under r*/c*/, the HTML
samples, broken files (empty, blank, random bytes, UTF-32, truncated gzip, one over 300,000 bytes), two
inputs of one output name (dup/Case.txt, dup/case.txt) and an empty directory transient/.

Usage: fault-corpus.py SEEDS_DIR SAMPLES_DIR CORPUS_DIR
"""
import gzip, os, random, sys
seeds_dir, samples_dir, corpus = sys.argv[1], sys.argv[2], sys.argv[3]
rng = random.Random(7)
def write(rel, data):
    path = os.path.join(corpus, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
seeds = [open(os.path.join(seeds_dir, f), "rb").read() for f in sorted(os.listdir(seeds_dir)) if f.endswith(".txt")]
for i in range(300):
    ext = (".txt", ".htm", ".html", ".shtml")[i % 4]
    write(f"r{i % 7}/c{i % 13:02d}/report{i:03d}{ext}", seeds[i % len(seeds)])
n = 0
for root, _, files in os.walk(samples_dir):
    for f in sorted(files):
        if f.endswith(".html"):
            write(f"samples/{n:02d}_{f}", open(os.path.join(root, f), "rb").read())
            n += 1
write("broken/empty.txt", b"")
write("broken/blank.html", b" \r\n\t \n" * 10)
write("broken/random.txt", bytes(rng.getrandbits(8) for _ in range(4096)))
write("broken/utf32.txt", seeds[0].decode("utf-8").encode("utf-32-le"))
write("broken/truncated.htm", gzip.compress(seeds[1])[:2000])
write("broken/huge.txt", seeds[2] * 40)
write("dup/Case.txt", seeds[3 % len(seeds)])
write("dup/case.txt", seeds[4 % len(seeds)])
os.makedirs(os.path.join(corpus, "transient"), exist_ok=True)
