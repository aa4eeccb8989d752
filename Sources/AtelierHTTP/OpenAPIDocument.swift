/// The API as implemented, served at /openapi.json. A test checks every route against it.
/// Areas of the API may keep their paths in a fragment of their own (`OpenAPIDocument+…`).
enum OpenAPIDocument {
    static let json = merged(base: base, fragments: [proposals, exports])

    static let base = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Atelier API",
            "version": "1.0.0",
            "description": "Atelier collects what the elected officials and staff of French local authorities (collectivités territoriales) say during a congress. The congress is organised around engagements and workshops; participants post contributions to a workshop and vote agree, disagree or pass on the contributions of others. Workshop leads and admins open and close workshops and hide contributions, with a reason.\n\nEvery /api/v1 route needs an access token: `Authorization: Bearer <token>`.\n\nErrors are RFC 9457 problem documents (`application/problem+json`) whose `type` is a stable relative URI, `/problems/{slug}`, described at that address. Besides the errors listed per operation, any route answers 405 (`method-not-allowed`, with an `Allow` header) to a method it does not support, 413 (`payload-too-large`) when the declared `Content-Length` exceeds 64 KiB, and 500 (`internal-error`) on an unexpected failure. Text lengths count Unicode scalars, after line breaks are normalised and surrounding white space is trimmed."
          },
          "servers": [
            {
              "url": "/"
            }
          ],
          "tags": [
            {
              "name": "Service",
              "description": "Public routes: health, this document, problem types."
            },
            {
              "name": "Congress",
              "description": "The congress, its workshops, and the caller."
            },
            {
              "name": "Contributions",
              "description": "Posting, listing, reading, editing and removing contributions."
            },
            {
              "name": "Votes",
              "description": "One vote per participant and contribution; the last one counts."
            },
            {
              "name": "Live",
              "description": "A workshop's events as they happen, for the leads' board and the plenary screen."
            }
          ],
          "paths": {
            "/health": {
              "get": {
                "operationId": "getHealth",
                "summary": "Liveness and readiness",
                "description": "Live whenever it answers; ready (200) only when the database answers too, otherwise 503 with the same shape.",
                "tags": [
                  "Service"
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "Live and ready: the database answers.",
                    "headers": {
                      "Cache-Control": {
                        "$ref": "#/components/headers/NoStore"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Health"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "Live but not ready: the database does not answer (`status` is `degraded`).",
                    "headers": {
                      "Cache-Control": {
                        "$ref": "#/components/headers/NoStore"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Health"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "getOpenAPIDocument",
                "summary": "This API description",
                "tags": [
                  "Service"
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "The OpenAPI 3.1 document of the API as implemented.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/problems/{type}": {
              "get": {
                "operationId": "getProblemType",
                "summary": "Describe a problem type",
                "description": "The documentation of a problem `type` URI that error responses carry.",
                "tags": [
                  "Service"
                ],
                "security": [],
                "parameters": [
                  {
                    "name": "type",
                    "in": "path",
                    "required": true,
                    "description": "The problem type's slug, the last segment of its `type` URI. Any other value answers 404.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "malformed-json",
                        "malformed-request",
                        "unauthenticated",
                        "forbidden",
                        "not-found",
                        "method-not-allowed",
                        "precondition-failed",
                        "payload-too-large",
                        "unsupported-media-type",
                        "invalid-field",
                        "workshop-closed",
                        "contribution-not-published",
                        "idempotency-key-reused",
                        "conflict",
                        "database-unavailable",
                        "internal-error"
                      ]
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The problem type.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ProblemType"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  }
                }
              }
            },
            "/api/v1/me": {
              "get": {
                "operationId": "getMe",
                "summary": "The caller",
                "description": "The participant the access token belongs to.",
                "tags": [
                  "Congress"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The caller.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Participant"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/congresses/{congress}": {
              "get": {
                "operationId": "getCongress",
                "summary": "A congress with its engagements and workshops",
                "description": "A congress is visible to its own participants only; any other congress answers 404.",
                "tags": [
                  "Congress"
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
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The congress; its workshops carry their counts.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Congress"
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
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/workshops/{workshop}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "get": {
                "operationId": "getWorkshop",
                "summary": "A workshop",
                "tags": [
                  "Congress"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Workshop"
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "patch": {
                "operationId": "setWorkshopStatus",
                "summary": "Open or close a workshop",
                "description": "For the workshop's leads and admins. A closed workshop takes no new contributions, edits nor votes.",
                "tags": [
                  "Congress"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "description": "The new status.",
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/WorkshopStatusChange"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Workshop"
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
                  "413": {
                    "$ref": "#/components/responses/ContentTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/workshops/{workshop}/contributions": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "post": {
                "operationId": "postContribution",
                "summary": "Post a contribution to a workshop",
                "description": "The workshop must be open (otherwise 409 `workshop-closed`). With an `Idempotency-Key`, a retry of the same post answers 200 with the contribution created the first time, even if the workshop closed since; the same key with a different workshop, title or body answers 422 `idempotency-key-reused`.",
                "tags": [
                  "Contributions"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "A key of the client's choosing that makes retries safe; 1 to 200 characters.",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "description": "The contribution.",
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NewContribution"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The contribution was created.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Contribution"
                        }
                      }
                    },
                    "headers": {
                      "Location": {
                        "$ref": "#/components/headers/ContributionLocation"
                      }
                    }
                  },
                  "200": {
                    "description": "The Idempotency-Key was replayed: the contribution created by the first request.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Contribution"
                        }
                      }
                    },
                    "headers": {
                      "Location": {
                        "$ref": "#/components/headers/ContributionLocation"
                      },
                      "Idempotent-Replayed": {
                        "description": "Always `true`: this answer replays an earlier request.",
                        "required": true,
                        "schema": {
                          "type": "string",
                          "const": "true"
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
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/ContentTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "get": {
                "operationId": "listContributions",
                "summary": "List a workshop's contributions",
                "description": "Published contributions, plus the caller's own withdrawn and hidden ones; the workshop's leads and admins also see hidden ones. Pages are linked by an opaque cursor that stays valid while new contributions and votes arrive.",
                "tags": [
                  "Contributions"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "description": "Text to search for; at most 200 characters once trimmed. Empty or blank means no search.",
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    }
                  },
                  {
                    "name": "sort",
                    "in": "query",
                    "required": false,
                    "description": "`recent`: newest first. `support`: agree minus disagree, highest first, then newest.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "recent",
                        "support"
                      ],
                      "default": "recent"
                    }
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "required": false,
                    "description": "The `nextCursor` of the previous page, requested with the same `sort`.",
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "Page size.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100,
                      "default": 20
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of contributions.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ContributionPage"
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
            },
            "/api/v1/contributions/{contribution}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ContributionID"
                }
              ],
              "get": {
                "operationId": "getContribution",
                "summary": "A contribution",
                "description": "Published contributions are visible to every participant of the congress, hidden ones to their author and the workshop's moderators, withdrawn ones to their author only; otherwise 404.",
                "tags": [
                  "Contributions"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The contribution.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Contribution"
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
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "patch": {
                "operationId": "editContribution",
                "summary": "Edit a contribution",
                "description": "Only the author, only while the contribution is published (otherwise 409 `contribution-not-published`) and the workshop open (otherwise 409 `workshop-closed`).",
                "tags": [
                  "Contributions"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "description": "What to change: a title, a body, or both.",
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ContributionEdit"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The edited contribution.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Contribution"
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
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/ContentTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "delete": {
                "operationId": "removeContribution",
                "summary": "Withdraw or hide a contribution",
                "description": "The author withdraws their own contribution. A lead of the workshop or an admin hides someone else's and must give a reason of 1 to 500 characters, in the JSON body or in the `reason` query parameter (the body's wins). The contribution stays, with its new status. Only a published contribution can be removed (otherwise 409 `contribution-not-published`).",
                "tags": [
                  "Contributions"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "reason",
                    "in": "query",
                    "required": false,
                    "description": "Why a moderator hides the contribution, when the body does not say; 1 to 500 characters.",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 500
                    }
                  }
                ],
                "requestBody": {
                  "description": "Optional: the moderation reason.",
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ContributionRemoval"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The contribution, now withdrawn or hidden.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Contribution"
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
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/ContentTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/contributions/{contribution}/vote": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ContributionID"
                }
              ],
              "put": {
                "operationId": "castVote",
                "summary": "Cast or change the caller's vote",
                "description": "Idempotent. Only on a published contribution (otherwise 409 `contribution-not-published`) of an open workshop (otherwise 409 `workshop-closed`). Answers with the contribution and its new tallies.",
                "tags": [
                  "Votes"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "description": "The vote.",
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/VoteChoice"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The contribution with its new tallies and `myVote`.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Contribution"
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
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/ContentTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "delete": {
                "operationId": "retractVote",
                "summary": "Retract the caller's vote",
                "description": "Succeeds whether or not the caller had voted. Only on a published contribution (otherwise 409 `contribution-not-published`) of an open workshop (otherwise 409 `workshop-closed`).",
                "tags": [
                  "Votes"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The contribution with its new tallies; `myVote` is null.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Contribution"
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
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/workshops/{workshop}/clusterings": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "post": {
                "operationId": "clusterWorkshop",
                "summary": "Cluster the workshop's contributions into candidate proposals",
                "tags": [
                  "Clustering"
                ],
                "description": "For the workshop's leads and admins. Unless fresh, clusters of the latest run keep their identity where they still hold; new contributions join the nearest cluster when close enough.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ClusteringRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The new run.",
                    "headers": {
                      "Location": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Clustering"
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
                  "413": {
                    "$ref": "#/components/responses/ContentTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/workshops/{workshop}/clusterings/latest": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "get": {
                "operationId": "latestClustering",
                "summary": "The latest clustering run, with excerpts",
                "tags": [
                  "Clustering"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The latest run.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Clustering"
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
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/workshops/{workshop}/events": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "get": {
                "operationId": "followWorkshopEvents",
                "summary": "Follow the workshop's live events (Server-Sent Events)",
                "tags": [
                  "Live"
                ],
                "description": "For every participant of the congress. A `text/event-stream` of the workshop's events, in the order they committed: `contribution.created`, `contribution.updated` (status or wording changed), `contribution.tallied` (the new counts) and `workshop.updated` (opened or closed), with more kinds to come. Each event has an `id`, an `event` (its kind) and one `data` line: a JSON object of ids, statuses and counts only, never text; fetch the contribution itself through its own route. Events for the workshop's leads and admins only are not sent to others.\n\nA new client (no last event id) starts from now with a `ready` event whose id marks where it stands. A client that sends its last event id gets every event it missed, then `ready`, then live events, with none lost or repeated; a browser's EventSource does this by itself on reconnection. When that id cannot be resumed from (the events were pruned, or it comes from another database), a `reset` event tells the client to reload what it shows. A `retry` field asks for a 3 s pause before reconnecting, and a comment every 15 s keeps proxies from closing an idle stream. An error status ends a browser's EventSource for good: after a 503, create it again once `Retry-After` has passed. Tallies that a later tally of the same contribution replaces may be left out.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "Last-Event-ID",
                    "in": "header",
                    "required": false,
                    "description": "The id of the last event received; events after it are sent first.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "name": "lastEventId",
                    "in": "query",
                    "required": false,
                    "description": "The same, for clients that cannot set headers; the header wins when both are sent.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The stream, until the client leaves or the server stops. For example:\n\n```\nretry: 3000\n\nid: 41\nevent: contribution.tallied\ndata: {\"votes\": {\"pass\": 0, \"agree\": 3, \"disagree\": 1}, \"contribution\": \"7c1e…\"}\n\nid: 41\nevent: ready\ndata: {\"lastEventId\":\"41\"}\n```",
                    "headers": {
                      "Cache-Control": {
                        "$ref": "#/components/headers/NoStore"
                      }
                    },
                    "content": {
                      "text/event-stream": {
                        "schema": {
                          "type": "string"
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
          },
          "components": {
            "securitySchemes": {
              "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "A participant's access token, issued by the congress's organisers."
              }
            },
            "parameters": {
              "WorkshopID": {
                "name": "workshop",
                "in": "path",
                "required": true,
                "description": "The workshop's id. A value that is not an id answers 404.",
                "schema": {
                  "type": "string",
                  "format": "uuid"
                }
              },
              "ContributionID": {
                "name": "contribution",
                "in": "path",
                "required": true,
                "description": "The contribution's id. A value that is not an id answers 404.",
                "schema": {
                  "type": "string",
                  "format": "uuid"
                }
              }
            },
            "headers": {
              "NoStore": {
                "description": "`no-store`.",
                "schema": {
                  "type": "string",
                  "const": "no-store"
                }
              },
              "ContributionLocation": {
                "description": "The contribution's address: `/api/v1/contributions/{id}`.",
                "required": true,
                "schema": {
                  "type": "string",
                  "format": "uri-reference"
                }
              },
              "WWWAuthenticate": {
                "description": "RFC 6750 challenge: `Bearer realm=\"atelier\"`, with `error=\"invalid_request\"` or `error=\"invalid_token\"` when a token was sent.",
                "required": true,
                "schema": {
                  "type": "string"
                }
              },
              "RetryAfter": {
                "description": "Seconds to wait before retrying, when the database connection failed.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "responses": {
              "Workshop": {
                "description": "The workshop, without counts.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Workshop"
                    }
                  }
                }
              },
              "BadRequest": {
                "description": "`malformed-json`: the body is empty, not JSON, or a field is missing or of the wrong type. `malformed-request`: the path or query string is not valid percent-encoded UTF-8, or a query parameter is given twice.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "Unauthorized": {
                "description": "`unauthenticated`: no access token, a malformed Authorization header, or an unknown or revoked token.",
                "headers": {
                  "WWW-Authenticate": {
                    "$ref": "#/components/headers/WWWAuthenticate"
                  }
                },
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "Forbidden": {
                "description": "`forbidden`: the caller's role does not allow this.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "NotFound": {
                "description": "`not-found`: no such resource, or not one the caller may see.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "Conflict": {
                "description": "`workshop-closed` or `contribution-not-published`: the current state does not allow this.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "ContentTooLarge": {
                "description": "`payload-too-large`: the body is larger than 64 KiB.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "UnsupportedMediaType": {
                "description": "`unsupported-media-type`: the body is declared as something other than `application/json` (or a `+json` type).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "UnprocessableContent": {
                "description": "`invalid-field`: a field or parameter breaks a rule; `field` names it. `idempotency-key-reused`: the Idempotency-Key was used for a different contribution.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "ServiceUnavailable": {
                "description": "`database-unavailable`: the database does not answer, or the service is shutting down.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              }
            },
            "schemas": {
              "Contribution": {
                "type": "object",
                "description": "A contribution as one reader sees it. Every field is present; optional values are null.",
                "required": [
                  "id",
                  "workshopId",
                  "title",
                  "body",
                  "status",
                  "moderationReason",
                  "author",
                  "votes",
                  "myVote",
                  "createdAt",
                  "updatedAt"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "workshopId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 200
                  },
                  "body": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 2000
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "published",
                      "hidden",
                      "withdrawn"
                    ]
                  },
                  "moderationReason": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Why a moderator hid the contribution."
                  },
                  "author": {
                    "type": "object",
                    "required": [
                      "isYou"
                    ],
                    "properties": {
                      "name": {
                        "type": "string",
                        "description": "Left out unless the author agreed to be named, or is the reader."
                      },
                      "organisation": {
                        "type": "string",
                        "description": "The local authority the author speaks for; left out when none."
                      },
                      "isYou": {
                        "type": "boolean"
                      }
                    }
                  },
                  "votes": {
                    "type": "object",
                    "required": [
                      "agree",
                      "disagree",
                      "pass",
                      "total"
                    ],
                    "properties": {
                      "agree": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "disagree": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "pass": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "total": {
                        "type": "integer",
                        "minimum": 0
                      }
                    }
                  },
                  "myVote": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "agree",
                      "disagree",
                      "pass",
                      null
                    ],
                    "description": "The reader's own vote; null when they have not voted."
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "ContributionPage": {
                "type": "object",
                "required": [
                  "items",
                  "nextCursor"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Contribution"
                    }
                  },
                  "nextCursor": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The `cursor` of the next page; null on the last page."
                  }
                }
              },
              "Congress": {
                "type": "object",
                "required": [
                  "id",
                  "slug",
                  "title",
                  "place",
                  "startsOn",
                  "endsOn",
                  "engagements",
                  "workshops"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "slug": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "place": {
                    "type": "string"
                  },
                  "startsOn": {
                    "type": "string",
                    "format": "date"
                  },
                  "endsOn": {
                    "type": "string",
                    "format": "date"
                  },
                  "engagements": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Engagement"
                    }
                  },
                  "workshops": {
                    "type": "array",
                    "description": "The congress's workshops, each with its counts.",
                    "items": {
                      "allOf": [
                        {
                          "$ref": "#/components/schemas/Workshop"
                        }
                      ],
                      "required": [
                        "counts"
                      ]
                    }
                  }
                }
              },
              "Engagement": {
                "type": "object",
                "description": "One of the association's commitments; it groups workshops.",
                "required": [
                  "id",
                  "slug",
                  "title",
                  "summary"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "slug": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "summary": {
                    "type": "string"
                  }
                }
              },
              "Workshop": {
                "type": "object",
                "required": [
                  "id",
                  "slug",
                  "title",
                  "description",
                  "status"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "slug": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "open",
                      "closed"
                    ]
                  },
                  "engagementId": {
                    "allOf": [
                      {
                        "type": "string",
                        "format": "uuid"
                      }
                    ],
                    "description": "The engagement the workshop belongs to; left out when none."
                  },
                  "counts": {
                    "allOf": [
                      {
                        "$ref": "#/components/schemas/WorkshopCounts"
                      }
                    ],
                    "description": "Present in the congress's list of workshops only."
                  }
                }
              },
              "WorkshopCounts": {
                "type": "object",
                "description": "What a workshop has gathered so far.",
                "required": [
                  "contributions",
                  "contributors",
                  "votes"
                ],
                "properties": {
                  "contributions": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "contributors": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "votes": {
                    "type": "integer",
                    "minimum": 0
                  }
                }
              },
              "Participant": {
                "type": "object",
                "required": [
                  "id",
                  "congressId",
                  "displayName",
                  "role",
                  "named",
                  "leads"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "congressId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "organisation": {
                    "type": "string",
                    "description": "The local authority the participant speaks for; left out when none."
                  },
                  "role": {
                    "type": "string",
                    "description": "`display` is the plenary screen's read-only access: the congress, its workshops, published proposals and the live events.",
                    "enum": [
                      "attendee",
                      "lead",
                      "admin",
                      "display"
                    ]
                  },
                  "named": {
                    "type": "boolean",
                    "description": "Whether the participant agreed to appear by name."
                  },
                  "leads": {
                    "type": "array",
                    "description": "Ids of the workshops the participant leads.",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  }
                }
              },
              "Health": {
                "type": "object",
                "required": [
                  "status",
                  "live",
                  "database"
                ],
                "properties": {
                  "status": {
                    "type": "string",
                    "enum": [
                      "ok",
                      "degraded"
                    ]
                  },
                  "live": {
                    "type": "boolean",
                    "const": true
                  },
                  "database": {
                    "type": "string",
                    "enum": [
                      "ready",
                      "unavailable"
                    ]
                  }
                }
              },
              "ProblemType": {
                "type": "object",
                "required": [
                  "type",
                  "status",
                  "title"
                ],
                "properties": {
                  "type": {
                    "type": "string",
                    "format": "uri-reference",
                    "description": "The type's URI, `/problems/{slug}`."
                  },
                  "status": {
                    "type": "integer",
                    "description": "The HTTP status answered with this type."
                  },
                  "title": {
                    "type": "string"
                  }
                }
              },
              "Problem": {
                "type": "object",
                "description": "An RFC 9457 problem document.",
                "required": [
                  "type",
                  "title",
                  "status",
                  "detail",
                  "instance"
                ],
                "properties": {
                  "type": {
                    "type": "string",
                    "format": "uri-reference",
                    "description": "`/problems/{slug}`; stable, for clients to match on."
                  },
                  "title": {
                    "type": "string",
                    "description": "The type's title."
                  },
                  "status": {
                    "type": "integer",
                    "description": "The HTTP status."
                  },
                  "detail": {
                    "type": "string",
                    "description": "What went wrong this time, for people."
                  },
                  "instance": {
                    "type": "string",
                    "description": "The request's path."
                  },
                  "field": {
                    "type": "string",
                    "description": "For `invalid-field`: the field or parameter at fault."
                  }
                }
              },
              "WorkshopStatusChange": {
                "type": "object",
                "required": [
                  "status"
                ],
                "properties": {
                  "status": {
                    "type": "string",
                    "enum": [
                      "open",
                      "closed"
                    ]
                  }
                }
              },
              "NewContribution": {
                "type": "object",
                "required": [
                  "body"
                ],
                "properties": {
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 200,
                    "description": "Optional; absent, null or empty means no title. Not blank; line breaks become spaces."
                  },
                  "body": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 2000,
                    "description": "Not blank; no control characters other than line breaks and tabs."
                  }
                }
              },
              "ContributionEdit": {
                "type": "object",
                "description": "A title given as null removes it; a title left out keeps it. A body left out or null keeps it.",
                "anyOf": [
                  {
                    "required": [
                      "title"
                    ]
                  },
                  {
                    "required": [
                      "body"
                    ]
                  }
                ],
                "properties": {
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 200
                  },
                  "body": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 2000
                  }
                }
              },
              "ContributionRemoval": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 500,
                    "description": "Required, 1 to 500 characters, when a moderator hides someone else's contribution; ignored when the author withdraws."
                  }
                }
              },
              "VoteChoice": {
                "type": "object",
                "required": [
                  "value"
                ],
                "properties": {
                  "value": {
                    "type": "string",
                    "enum": [
                      "agree",
                      "disagree",
                      "pass"
                    ]
                  }
                }
              },
              "ClusteringMember": {
                "type": "object",
                "required": [
                  "id",
                  "excerpt",
                  "votes"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "excerpt": {
                    "type": "string",
                    "description": "Title and body, cut at 280 characters."
                  },
                  "votes": {
                    "$ref": "#/components/schemas/Contribution/properties/votes"
                  }
                }
              },
              "Clustering": {
                "type": "object",
                "required": [
                  "id",
                  "workshopId",
                  "previousRunId",
                  "algorithm",
                  "parameters",
                  "contributionCount",
                  "durationMs",
                  "createdAt",
                  "clusters",
                  "outliers",
                  "duplicates"
                ],
                "description": "A clustering run: candidate proposals computed from the workshop's published contributions. Every contribution appears once, in one cluster's members or among the outliers.",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "workshopId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "previousRunId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uuid",
                    "description": "The run whose clusters this one kept, or null for a fresh run."
                  },
                  "algorithm": {
                    "type": "string"
                  },
                  "parameters": {
                    "type": "object",
                    "required": [
                      "clusters",
                      "seed",
                      "fresh"
                    ],
                    "properties": {
                      "clusters": {
                        "type": "string",
                        "description": "\"auto\" or a number"
                      },
                      "seed": {
                        "type": "integer"
                      },
                      "fresh": {
                        "type": "boolean"
                      },
                      "representation": {
                        "type": "string",
                        "enum": ["hybrid", "lexical"],
                        "description": "hybrid: multilingual sentence embeddings mixed with the words; lexical: the words alone"
                      },
                      "embeddingModel": {
                        "type": "string",
                        "description": "The sentence encoder of a hybrid run"
                      },
                      "fallbackReason": {
                        "type": "string",
                        "description": "Why the run grouped on words alone"
                      }
                    }
                  },
                  "contributionCount": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "durationMs": {
                    "type": "number",
                    "minimum": 0
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "clusters": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "id",
                        "isNew",
                        "label",
                        "keywords",
                        "size",
                        "representatives",
                        "members"
                      ],
                      "properties": {
                        "id": {
                          "type": "string",
                          "description": "Stable across runs while the cluster holds."
                        },
                        "isNew": {
                          "type": "boolean"
                        },
                        "label": {
                          "type": "string"
                        },
                        "keywords": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "size": {
                          "type": "integer",
                          "minimum": 2
                        },
                        "representatives": {
                          "type": "array",
                          "items": {
                            "type": "string",
                            "format": "uuid"
                          },
                          "maxItems": 3
                        },
                        "members": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/ClusteringMember"
                          }
                        }
                      }
                    }
                  },
                  "outliers": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ClusteringMember"
                    }
                  },
                  "duplicates": {
                    "type": "array",
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "format": "uuid"
                      },
                      "minItems": 2,
                      "maxItems": 2
                    }
                  }
                }
              },
              "ClusteringRequest": {
                "type": "object",
                "properties": {
                  "clusters": {
                    "oneOf": [
                      {
                        "const": "auto"
                      },
                      {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 50
                      }
                    ],
                    "default": "auto"
                  },
                  "fresh": {
                    "type": "boolean",
                    "default": false,
                    "description": "Ignore the previous run instead of keeping its clusters."
                  }
                }
              }
            }
          }
        }
        """#
}
