#!/usr/bin/env python3
"""Validates a JSON Lines file with Python's jsonschema (Draft202012Validator), as the
benchmark's baseline, and counts instances the way fmadd does: an instance is invalid when it
has an error; a failure inside a subschema marked "x-severity": "warning" is only a warning.

usage: validate_jsonschema.py SCHEMA.json FILE.jsonl
prints: checked N instances: X invalid, Y with warnings only
"""
import json
import sys

from jsonschema import Draft202012Validator


def main():
    schema_path, data_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    validator = Draft202012Validator(schema)

    def resolve(reference):
        node = schema
        for token in reference.lstrip("#").split("/")[1:]:
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def is_warning(error):
        """Walks the schema along the error's path (jsonschema leaves $ref out of the path)."""
        node = schema
        for key in error.absolute_schema_path:
            while isinstance(node, dict) and key not in node and "$ref" in node:
                if node.get("x-severity") == "warning":
                    return True
                node = resolve(node["$ref"])
            if isinstance(node, dict) and node.get("x-severity") == "warning":
                return True
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                return False
        return isinstance(node, dict) and node.get("x-severity") == "warning"

    instances = invalid = warnings_only = 0
    with open(data_path, encoding="utf-8") as file:
        for line in file:
            if not line.strip():
                continue
            instances += 1
            try:
                instance = json.loads(line)
            except ValueError:
                invalid += 1
                continue
            errors = list(validator.iter_errors(instance))
            if not errors:
                continue
            if all(is_warning(error) for error in errors):
                warnings_only += 1
            else:
                invalid += 1
    print(f"checked {instances} instances: {invalid} invalid, {warnings_only} with warnings only")


if __name__ == "__main__":
    main()
