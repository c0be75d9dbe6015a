"""The queries the client scripts send, and how their answers are reduced to plain JSON.

Shared by sparqlwrapper_client.py and rdflib_client.py so both clients are asked the same
things and pythonClients.test.ts checks one shape of answer.
"""

PREFIXES = """PREFIX cas: <https://w3id.org/caspian/ontology#>
PREFIX cd: <https://w3id.org/caspian/data/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# The Treaty of Turkmenchay: its year and its parties, one row per party.
SELECT = PREFIXES + """SELECT ?label ?year ?party WHERE {
  cd:TreatyOfTurkmenchay rdfs:label ?label ; cas:startYear ?year ; cas:party ?p .
  ?p rdfs:label ?party .
} ORDER BY ?party"""

ASK = PREFIXES + "ASK { cd:TreatyOfTurkmenchay cas:party cd:Iran , cd:Russia }"
ASK_FALSE = PREFIXES + "ASK { cd:TreatyOfTurkmenchay cas:party cd:Britain }"

CONSTRUCT = PREFIXES + """CONSTRUCT { cd:TreatyOfTurkmenchay cas:party ?p ; cas:startYear ?year . ?p rdfs:label ?party }
WHERE { cd:TreatyOfTurkmenchay cas:party ?p ; cas:startYear ?year . ?p rdfs:label ?party }"""

DESCRIBE = PREFIXES + "DESCRIBE cd:TreatyOfTurkmenchay"


def triples_of(graph):
    """A graph as sorted [subject, predicate, object] lists of strings (blank nodes as "_:")."""
    from rdflib import BNode

    def term(t):
        return "_:" if isinstance(t, BNode) else str(t)

    return sorted([term(s), term(p), term(o)] for s, p, o in graph)
