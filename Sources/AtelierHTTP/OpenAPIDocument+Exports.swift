extension OpenAPIDocument {
    /// The ministry briefing and its data (issue 6), merged into the document at load.
    static let exports = #"""
        {
          "tags": [
            {
              "name": "Exports",
              "description": "The ministry briefing (ODT, DOCX, HTML, Markdown) and the data behind it (CSV, JSON)."
            }
          ],
          "paths": {
            "/api/v1/congresses/{congress}/export": {
              "get": {
                "operationId": "exportBriefing",
                "summary": "The ministry briefing, or its data, as a file",
                "description": "Admins export the whole congress or one workshop; a lead exports one workshop they lead (`workshop` is then required: asking for the whole congress or another workshop answers 403); attendees answer 403. The cover's figures describe the whole congress. Authors appear by name only when they agreed to, else by organisation, else as `anonyme`. The same data gives the same bytes, except raw votes, whose pseudonyms are drawn afresh for each export. The answer is an attachment whose file name is `briefing-{congress}[-{workshop}].{extension}`.",
                "tags": [
                  "Exports"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "congress",
                    "in": "path",
                    "required": true,
                    "description": "The congress's slug.",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "format",
                    "in": "query",
                    "required": true,
                    "description": "The file's format; csv is a zip of four CSV files.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "odt",
                        "docx",
                        "html",
                        "md",
                        "csv",
                        "json"
                      ]
                    }
                  },
                  {
                    "name": "workshop",
                    "in": "query",
                    "required": false,
                    "description": "Only this workshop (its slug).",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "status",
                    "in": "query",
                    "required": false,
                    "description": "`published`: the proposals published to the room, as the minister gets them; `all`: every live proposal, drafts included. The sources of a proposal left out join the unretained contributions, so every published contribution appears.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "published",
                        "all"
                      ],
                      "default": "published"
                    }
                  },
                  {
                    "name": "votes",
                    "in": "query",
                    "required": false,
                    "description": "With `format=csv`: `aggregated` gives a tally per contribution in votes.csv; `raw` (admins only) gives every vote, its voter a pseudonym valid in this file only.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "aggregated",
                        "raw"
                      ],
                      "default": "aggregated"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The file, as `format` asks: ODT: OpenDocument Text, the format the French administration's interoperability framework recommends. DOCX: Word. HTML that prints well. Markdown. CSV: a zip of contributions.csv, votes.csv, proposals.csv and proposal_sources.csv (UTF-8 with BOM, `;` separator, RFC 4180 quoting). JSON: the whole briefing, with ids.",
                    "headers": {
                      "Content-Disposition": {
                        "description": "`attachment; filename=\"briefing-agen-2026.odt\"`.",
                        "required": true,
                        "schema": {
                          "type": "string"
                        }
                      },
                      "Cache-Control": {
                        "$ref": "#/components/headers/NoStore"
                      }
                    },
                    "content": {
                      "application/vnd.oasis.opendocument.text": {
                        "schema": {
                          "type": "string",
                          "contentMediaType": "application/vnd.oasis.opendocument.text"
                        }
                      },
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
                        "schema": {
                          "type": "string",
                          "contentMediaType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        }
                      },
                      "text/html; charset=utf-8": {
                        "schema": {
                          "type": "string",
                          "contentMediaType": "text/html"
                        }
                      },
                      "text/markdown; charset=utf-8": {
                        "schema": {
                          "type": "string",
                          "contentMediaType": "text/markdown"
                        }
                      },
                      "application/zip": {
                        "schema": {
                          "type": "string",
                          "contentMediaType": "application/zip"
                        }
                      },
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            }
          }
        }
        """#
}
