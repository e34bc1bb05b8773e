-- wrk script: each request searches for the next query of bench/out/terms.txt, round robin.
local terms = {}
for line in io.lines(os.getenv("BENCH_TERMS")) do terms[#terms + 1] = line end
local i = 0
request = function()
  i = i % #terms + 1
  return wrk.format("GET", "/search?q=" .. terms[i])
end
