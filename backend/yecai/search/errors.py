"""Error codes of search."""

from yecai.errors import ErrorSpec

SEARCH_UNAVAILABLE = ErrorSpec("SEARCH_UNAVAILABLE", "搜索服务暂时不可用，请稍后再试",
                               "Search is unavailable for the moment; try again shortly")
SYNONYM_TERM_TAKEN = ErrorSpec("SYNONYM_TERM_TAKEN", "该词已在另一组同义词中", "This term is already in another group of synonyms")
