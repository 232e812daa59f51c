-- wrk script: every request a different reader's search, in turn through a fixed list, so the
-- uncached figure is not one query answered again and again (SQLite's pages and .NET's caches
-- warm for it alone). Common and rare words, two words, a quoted phrase, filters, a second page,
-- and a word found nowhere; Arabic and English, as readers of the demo site would type them.
local searches = {
  "/ar/search?q=مستشفى",
  "/en/search?q=desalination",
  "/ar/search?q=الصحة",
  "/en/search?q=health",
  "/ar/search?q=المياه",
  "/en/search?q=water outage",
  "/ar/search?q=حملة التطعيم",
  "/en/search?q=vaccination campaign",
  "/ar/search?q=\"المدينة القديمة\"",
  "/en/search?q=\"Old City\"",
  "/ar/search?q=الطلبة",
  "/en/search?q=students",
  "/ar/search?q=الاختبارات النهائية",
  "/en/search?q=laboratory",
  "/ar/search?q=ترشيد",
  "/en/search?q=tariff",
  "/ar/search?q=المؤتمر",
  "/en/search?q=conference",
  "/ar/search?q=الجامعة&page=2",
  "/en/search?q=university&page=2",
  "/ar/search?q=المياه&office=water",
  "/en/search?q=hospital&office=health",
  "/ar/search?q=ثلاجة",
  "/en/search?q=refrigerator",
}

-- Everything but unreserved ASCII, '/', '?', '=' and '&' percent-encoded, as a browser sends it.
local function encode(path)
  return (path:gsub("[^%w%-%._~/%?=&]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Formatted in init, once wrk knows the host: its Host header goes into every request.
local requests = {}
init = function()
  for i, search in ipairs(searches) do
    requests[i] = wrk.format("GET", encode(search))
  end
end

local next = 0
request = function()
  next = next % #requests + 1
  return requests[next]
end
