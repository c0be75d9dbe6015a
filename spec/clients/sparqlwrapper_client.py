"""Queries a SPARQL endpoint with SPARQLWrapper, as a Python user would, and prints what it read.

Usage: python3 sparqlwrapper_client.py ENDPOINT_URL
Prints one JSON object: for GET and POST, each query form in each format SPARQLWrapper can ask
for, reduced to plain rows, booleans or triples. pythonClients.test.ts checks the content.
"""
import csv
import io
import json
import sys
import warnings

import rdflib
from SPARQLWrapper import CSV, GET, JSON, N3, POST, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from caspian_queries import ASK, ASK_FALSE, CONSTRUCT, DESCRIBE, SELECT, triples_of

# SPARQLWrapper warns when a format does not fit the query form; every pair below fits except
# RDF for graphs, where it sends Accept */* and format=rdf, which the endpoint reads as RDF/XML.
warnings.simplefilter("error", RuntimeWarning)

endpoint = sys.argv[1]


def ask_endpoint(method, query, fmt):
    client = SPARQLWrapper(endpoint)
    client.setMethod(method)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    with warnings.catch_warnings():
        if fmt == RDF:
            warnings.simplefilter("ignore", RuntimeWarning)
        return client.query()


def rows_from_json(doc):
    return [{name: cell["value"] for name, cell in row.items()} for row in doc["results"]["bindings"]]


def rows_from_xml(doc):
    rows = []
    for result in doc.getElementsByTagName("result"):
        row = {}
        for binding in result.getElementsByTagName("binding"):
            value = next(node for node in binding.childNodes if node.nodeType == node.ELEMENT_NODE)
            row[binding.getAttribute("name")] = value.firstChild.data if value.firstChild else ""
        rows.append(row)
    return rows


def rows_from_delimited(data, delimiter):
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter=delimiter)
    rows = [dict(row) for row in reader]
    if delimiter == "\t":
        # TSV writes RDF terms: "Iran", 1828 or "1828"^^<...integer>, <iri>. Keep the lexical form.
        def lexical(cell):
            if cell.startswith('"'):
                return cell[1 : cell.rindex('"')]
            return cell.strip("<>")

        rows = [{name.lstrip("?"): lexical(cell) for name, cell in row.items()} for row in rows]
    return rows


def boolean_from_xml(doc):
    return doc.getElementsByTagName("boolean")[0].firstChild.data.strip() == "true"


def graph_from(result, fmt):
    converted = result.convert()
    if isinstance(converted, rdflib.Graph):
        return converted
    # TURTLE and N3 come back as bytes for the caller to parse.
    graph = rdflib.Graph()
    graph.parse(data=converted.decode("utf-8"), format="turtle")
    return graph


def run(method):
    answers = {"content_types": {}}

    def note(key, result):
        answers["content_types"][key] = result.response.headers.get("Content-Type", "")

    result = ask_endpoint(method, SELECT, JSON)
    note("select/json", result)
    answers["select/json"] = rows_from_json(result.convert())
    result = ask_endpoint(method, SELECT, XML)
    note("select/xml", result)
    answers["select/xml"] = rows_from_xml(result.convert())
    result = ask_endpoint(method, SELECT, CSV)
    note("select/csv", result)
    answers["select/csv"] = rows_from_delimited(result.convert(), ",")
    result = ask_endpoint(method, SELECT, TSV)
    note("select/tsv", result)
    answers["select/tsv"] = rows_from_delimited(result.convert(), "\t")

    result = ask_endpoint(method, ASK, JSON)
    note("ask/json", result)
    answers["ask/json"] = result.convert()["boolean"]
    result = ask_endpoint(method, ASK, XML)
    note("ask/xml", result)
    answers["ask/xml"] = boolean_from_xml(result.convert())
    answers["ask-false/json"] = ask_endpoint(method, ASK_FALSE, JSON).convert()["boolean"]

    for form, query in (("construct", CONSTRUCT), ("describe", DESCRIBE)):
        for name, fmt in (("turtle", TURTLE), ("n3", N3), ("xml", XML), ("rdfxml", RDFXML), ("rdf", RDF)):
            result = ask_endpoint(method, query, fmt)
            note(f"{form}/{name}", result)
            answers[f"{form}/{name}"] = triples_of(graph_from(result, fmt))
    return answers


print(json.dumps({"GET": run(GET), "POST": run(POST)}))
