"""Queries a SPARQL endpoint through rdflib's SPARQLStore and reads its descriptions with rdflib.

Usage: python3 rdflib_client.py ENDPOINT_URL VOID_URL
Prints one JSON object: SELECT rows, ASK booleans and CONSTRUCT / DESCRIBE triples through a
Graph backed by SPARQLStore (GET and POST), and the service description and VoID as rdflib
parsed them (Turtle by content negotiation, JSON-LD and RDF/XML by format parameter).
"""
import json
import sys

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from caspian_queries import ASK, ASK_FALSE, CONSTRUCT, DESCRIBE, SELECT, triples_of

endpoint, void_url = sys.argv[1], sys.argv[2]
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCTERMS = Namespace("http://purl.org/dc/terms/")


def through_store(method, return_format):
    graph = Graph(store=SPARQLStore(query_endpoint=endpoint, method=method, returnFormat=return_format))
    rows = [{str(name): str(value) for name, value in row.asdict().items()} for row in graph.query(SELECT)]
    answers = {"select": rows, "ask": graph.query(ASK).askAnswer, "ask-false": graph.query(ASK_FALSE).askAnswer}
    # SPARQLStore's "xml" asks for SPARQL XML results or RDF/XML, so graphs come too; its "json"
    # asks for SPARQL JSON results only, which no CONSTRUCT can be.
    if return_format == "xml":
        answers["construct"] = triples_of(graph.query(CONSTRUCT).graph)
        answers["describe"] = triples_of(graph.query(DESCRIBE).graph)
    return answers


def description(url, fmt=None):
    graph = Graph()
    if fmt:
        graph.parse(f"{url}?format={fmt}", format={"jsonld": "json-ld", "rdfxml": "xml"}[fmt])
    else:
        graph.parse(url)
    service = graph.value(predicate=RDF.type, object=SD.Service)
    dataset = URIRef(void_url + "#dataset")
    classes = {
        str(graph.value(partition, VOID["class"])): int(graph.value(partition, VOID.entities))
        for partition in graph.objects(dataset, VOID.classPartition)
    }
    properties = {
        str(graph.value(partition, VOID.property)): int(graph.value(partition, VOID.triples))
        for partition in graph.objects(dataset, VOID.propertyPartition)
    }
    return {
        "size": len(graph),
        "endpoint": str(graph.value(service, SD.endpoint)) if service else None,
        "resultFormats": sorted(str(o) for o in graph.objects(service, SD.resultFormat)) if service else [],
        "defaultDataset": str(graph.value(service, SD.defaultDataset)) if service else None,
        "triples": int(graph.value(dataset, VOID.triples)),
        "entities": int(graph.value(dataset, VOID.entities)),
        "classes": int(graph.value(dataset, VOID.classes)),
        "properties": int(graph.value(dataset, VOID.properties)),
        "sparqlEndpoint": str(graph.value(dataset, VOID.sparqlEndpoint)),
        "source": str(graph.value(dataset, DCTERMS.source)),
        "classPartitions": classes,
        "propertyPartitions": properties,
    }


print(
    json.dumps(
        {
            "GET/xml": through_store("GET", "xml"),
            "POST/json": through_store("POST", "json"),
            "POST/xml": through_store("POST", "xml"),
            "sd": description(endpoint),
            "sd/jsonld": description(endpoint, "jsonld"),
            "sd/rdfxml": description(endpoint, "rdfxml"),
            "void": description(void_url),
        }
    )
)
