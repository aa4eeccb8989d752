extension OpenAPIDocument {
    /// Proposals and consolidation (issue 5), merged into the document at load.
    static let proposals = #"""
        {
          "tags": [
            {
              "name": "Proposals",
              "description": "What the workshop leads make of the contributions: drafts, validation, publication, sources, history, endorsements."
            },
            {
              "name": "Consolidation",
              "description": "Adopting clusters, merging, splitting, moving sources, ordering; and the log of every action."
            }
          ],
          "paths": {
            "/api/v1/workshops/{workshop}/proposals": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "get": {
                "operationId": "listProposals",
                "summary": "The workshop's proposals, in their order",
                "description": "The workshop's leads and admins see every live proposal, and retired ones (deleted or merged) with `retired=true`. Everyone else in the congress sees live published proposals only, whatever the filters. Support figures are counted afresh on every read.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "status",
                    "in": "query",
                    "required": false,
                    "description": "Only proposals with this status.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "draft",
                        "validated",
                        "published"
                      ]
                    }
                  },
                  {
                    "name": "retired",
                    "in": "query",
                    "required": false,
                    "description": "Also deleted and merged proposals (leads and admins only).",
                    "schema": {
                      "type": "boolean",
                      "default": false
                    }
                  },
                  {
                    "$ref": "#/components/parameters/PageLimit"
                  },
                  {
                    "$ref": "#/components/parameters/PageCursor"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of proposals.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ProposalPage"
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
              },
              "post": {
                "operationId": "createProposal",
                "summary": "Create a draft proposal",
                "description": "For the workshop's leads and admins. The draft goes to the end of the workshop's order. Sources must be published contributions of this workshop (otherwise 422 `invalid-field` naming `sources`, or 409 `contribution-not-published`). With an `Idempotency-Key`, a retry answers 200 with the proposal created the first time; the same key for a different request answers 422 `idempotency-key-reused`.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IdempotencyKey"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NewProposal"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The new draft.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Proposal"
                        }
                      }
                    },
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ProposalETag"
                      },
                      "Location": {
                        "$ref": "#/components/headers/ProposalLocation"
                      }
                    }
                  },
                  "200": {
                    "description": "The Idempotency-Key was replayed: the draft created by the first request.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Proposal"
                        }
                      }
                    },
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ProposalETag"
                      },
                      "Idempotent-Replayed": {
                        "$ref": "#/components/headers/IdempotentReplayed"
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
                    "$ref": "#/components/responses/ProposalConflict"
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
            "/api/v1/proposals/{proposal}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ProposalID"
                }
              ],
              "get": {
                "operationId": "getProposal",
                "summary": "A proposal with its sources and support",
                "description": "Leads and admins of the workshop read any of its proposals, retired ones included; everyone else in the congress reads live published ones only (others answer 404). `ETag` is the proposal's version, to send back in `If-Match` when editing.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Proposal"
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
                "operationId": "editProposal",
                "summary": "Edit a draft's text, or change a proposal's status",
                "description": "Either `title` and/or `synthesis` (drafts only; otherwise 409 `proposal-not-draft`), or `status`, one step at a time: draft → validated → published, published → validated (unpublish), validated → draft (reopen); any other step answers 409 `invalid-status-transition`. Validation needs a synthesis and at least one source (otherwise 422). `If-Match` must carry the version read (428 `precondition-required` without it, 412 `precondition-failed` when the proposal changed since: nothing is overwritten). Each change is a revision.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ProposalEdit"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Proposal"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
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
                  "428": {
                    "$ref": "#/components/responses/PreconditionRequired"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "delete": {
                "operationId": "deleteProposal",
                "summary": "Delete a draft (softly)",
                "description": "The draft leaves the lists but stays, with its sources and history, readable by leads and admins with `deletedAt` set. `If-Match` as for edits.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  }
                ],
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Proposal"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
                  },
                  "428": {
                    "$ref": "#/components/responses/PreconditionRequired"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/proposals/{proposal}/sources/{contribution}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ProposalID"
                },
                {
                  "$ref": "#/components/parameters/ContributionID"
                }
              ],
              "put": {
                "operationId": "putProposalSource",
                "summary": "Add a source to a draft, or change its note or primary flag",
                "description": "The contribution must be a published contribution of the proposal's workshop (404 otherwise, 409 `contribution-not-published` when hidden or withdrawn). `primary: true` makes this proposal the one the contribution mainly feeds (a contribution has at most one). A note given as null removes it; left out, it is kept. `If-Match` as for edits.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  }
                ],
                "requestBody": {
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ProposalSourceChange"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The contribution became a source.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Proposal"
                        }
                      }
                    },
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ProposalETag"
                      }
                    }
                  },
                  "200": {
                    "description": "The contribution already was a source; its note or primary flag is as asked.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Proposal"
                        }
                      }
                    },
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ProposalETag"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
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
                  "428": {
                    "$ref": "#/components/responses/PreconditionRequired"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "delete": {
                "operationId": "removeProposalSource",
                "summary": "Take a source out of a draft",
                "description": "The revision keeps the earlier list of sources. 404 when the contribution is not a source. `If-Match` as for edits.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  }
                ],
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Proposal"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
                  },
                  "428": {
                    "$ref": "#/components/responses/PreconditionRequired"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/proposals/{proposal}/revisions": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ProposalID"
                }
              ],
              "get": {
                "operationId": "listProposalRevisions",
                "summary": "A proposal's history, oldest first",
                "description": "For the workshop's leads and admins (others: 403 on a published proposal, 404 otherwise). Each revision holds the state it led to and the state before it, so the chain replays from version 1 to the current state.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/PageLimit"
                  },
                  {
                    "$ref": "#/components/parameters/PageCursor"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of revisions.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RevisionPage"
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
            },
            "/api/v1/proposals/{proposal}/diff": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ProposalID"
                }
              ],
              "get": {
                "operationId": "diffProposal",
                "summary": "What changed between two versions",
                "description": "Title, status, position and retirement before and after, sources added and removed, and the synthesis line by line. By default, from the previous version to the current one. Leads and admins only, as for revisions.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "from",
                    "in": "query",
                    "required": false,
                    "description": "A version; defaults to the one before `to`.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1
                    }
                  },
                  {
                    "name": "to",
                    "in": "query",
                    "required": false,
                    "description": "A version; defaults to the current one.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The difference.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ProposalDiff"
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
            },
            "/api/v1/proposals/{proposal}/endorsement": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ProposalID"
                }
              ],
              "put": {
                "operationId": "endorseProposal",
                "summary": "Endorse a published proposal",
                "description": "Idempotent: one endorsement per participant. A proposal that is not published answers 409 `proposal-not-published` to those who can see it.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Proposal"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              },
              "delete": {
                "operationId": "withdrawEndorsement",
                "summary": "Withdraw the caller's endorsement",
                "description": "Succeeds whether or not the caller had endorsed the proposal.",
                "tags": [
                  "Proposals"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/Proposal"
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
            "/api/v1/workshops/{workshop}/proposals/adoptions": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "post": {
                "operationId": "adoptClustering",
                "summary": "Adopt clusters of a clustering run as draft proposals",
                "description": "One draft per chosen cluster (every cluster when `clusters` is left out), in the run's order, at the end of the workshop's order: the label gives the title, the members still published give the sources. A cluster already adopted by a live proposal answers 409 `conflict`. With an `Idempotency-Key`, a retry answers 200 with the drafts created the first time.",
                "tags": [
                  "Consolidation"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IdempotencyKey"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Adoption"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The new drafts.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ProposalItems"
                        }
                      }
                    }
                  },
                  "200": {
                    "$ref": "#/components/responses/ProposalItemsReplayed"
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
                    "$ref": "#/components/responses/ProposalConflict"
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
            "/api/v1/workshops/{workshop}/proposals/merges": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "post": {
                "operationId": "mergeProposals",
                "summary": "Merge drafts into one",
                "description": "The new draft has every source of the originals (with their notes and who added them) and takes the place of the first one in the order. Its title defaults to the first original's, its synthesis to theirs one after the other. The originals are retired with `mergedInto` set, keeping their sources and history. Each original is named with the version read: a stale one answers 412 `precondition-failed`, a retired one 409 `proposal-retired`, one that is not a draft 409 `proposal-not-draft`.",
                "tags": [
                  "Consolidation"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IdempotencyKey"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Merge"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The merged draft.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Proposal"
                        }
                      }
                    },
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ProposalETag"
                      },
                      "Location": {
                        "$ref": "#/components/headers/ProposalLocation"
                      }
                    }
                  },
                  "200": {
                    "description": "The Idempotency-Key was replayed: the merged draft.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Proposal"
                        }
                      }
                    },
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ProposalETag"
                      },
                      "Idempotent-Replayed": {
                        "$ref": "#/components/headers/IdempotentReplayed"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
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
            "/api/v1/proposals/{proposal}/splits": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/ProposalID"
                }
              ],
              "post": {
                "operationId": "splitProposal",
                "summary": "Split new drafts off a draft",
                "description": "Each part becomes a new draft (`splitFrom` set) taking the given sources, with their notes and who added them. Parts do not share sources, and the original keeps at least one. `If-Match` as for edits.",
                "tags": [
                  "Consolidation"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  },
                  {
                    "$ref": "#/components/parameters/IdempotencyKey"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Split"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The original, then the new drafts.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ProposalItems"
                        }
                      }
                    }
                  },
                  "200": {
                    "$ref": "#/components/responses/ProposalItemsReplayed"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
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
                  "428": {
                    "$ref": "#/components/responses/PreconditionRequired"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/workshops/{workshop}/proposals/transfers": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "post": {
                "operationId": "transferSources",
                "summary": "Move or copy sources from one draft to another",
                "description": "A moved source keeps its note, who added it and whether the contribution's primary proposal is this one; a copy is added by the caller. Both drafts are named with the version read (412 when stale).",
                "tags": [
                  "Consolidation"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/IdempotencyKey"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Transfer"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Both drafts, the origin first.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ProposalItems"
                        }
                      }
                    },
                    "headers": {
                      "Idempotent-Replayed": {
                        "description": "`true` when this answer replays an earlier request with the same Idempotency-Key.",
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
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
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
            "/api/v1/workshops/{workshop}/proposals/order": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "put": {
                "operationId": "reorderProposals",
                "summary": "Put the workshop's live proposals in order",
                "description": "The list must name each live proposal of the workshop exactly once (otherwise 409 `conflict`, as when one was added or removed meanwhile). Each proposal whose position changes gets a revision.",
                "tags": [
                  "Consolidation"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ProposalOrder"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The live proposals in their new order.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ProposalItems"
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
                    "$ref": "#/components/responses/ProposalConflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/ContentTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "503": {
                    "$ref": "#/components/responses/ServiceUnavailable"
                  }
                }
              }
            },
            "/api/v1/workshops/{workshop}/consolidation-log": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/WorkshopID"
                }
              ],
              "get": {
                "operationId": "consolidationLog",
                "summary": "Who did what to the workshop's proposals, newest first",
                "description": "For the workshop's leads and admins. The log is append-only: the database refuses to change or delete its lines.",
                "tags": [
                  "Consolidation"
                ],
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/PageLimit"
                  },
                  {
                    "$ref": "#/components/parameters/PageCursor"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of the log.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ConsolidationLogPage"
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
          },
          "components": {
            "parameters": {
              "PageLimit": {
                "name": "limit",
                "in": "query",
                "required": false,
                "description": "Page size.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 100,
                  "default": 50
                }
              },
              "PageCursor": {
                "name": "cursor",
                "in": "query",
                "required": false,
                "description": "`nextCursor` of the previous page.",
                "schema": {
                  "type": "string"
                }
              },
              "ProposalID": {
                "name": "proposal",
                "in": "path",
                "required": true,
                "description": "The proposal's id. A value that is not an id answers 404.",
                "schema": {
                  "type": "string",
                  "format": "uuid"
                }
              },
              "IfMatch": {
                "name": "If-Match",
                "in": "header",
                "required": true,
                "description": "The `ETag` of the proposal as read: its version in quotes, such as `\"3\"`. Without it: 428 `precondition-required`; stale: 412 `precondition-failed`.",
                "schema": {
                  "type": "string",
                  "pattern": "^\"[1-9][0-9]*\"$"
                }
              },
              "IdempotencyKey": {
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
            },
            "headers": {
              "ProposalETag": {
                "description": "The proposal's version in quotes, for `If-Match`.",
                "required": true,
                "schema": {
                  "type": "string"
                }
              },
              "ProposalLocation": {
                "description": "The proposal's address: `/api/v1/proposals/{id}`.",
                "required": true,
                "schema": {
                  "type": "string",
                  "format": "uri-reference"
                }
              },
              "IdempotentReplayed": {
                "description": "Always `true`: this answer replays an earlier request.",
                "required": true,
                "schema": {
                  "type": "string",
                  "const": "true"
                }
              }
            },
            "responses": {
              "Proposal": {
                "description": "The proposal as it is now, with its version as `ETag`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Proposal"
                    }
                  }
                },
                "headers": {
                  "ETag": {
                    "$ref": "#/components/headers/ProposalETag"
                  }
                }
              },
              "ProposalItemsReplayed": {
                "description": "The Idempotency-Key was replayed: the proposals of the first request.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ProposalItems"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "ProposalConflict": {
                "description": "`proposal-not-draft`, `proposal-retired`, `invalid-status-transition`, `proposal-not-published`, `contribution-not-published` or `conflict`: the current state does not allow this.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "PreconditionFailed": {
                "description": "`precondition-failed`: the proposal changed since the version sent; read it again. Nothing was changed.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "PreconditionRequired": {
                "description": "`precondition-required`: send `If-Match` with the version read.",
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
              "Proposal": {
                "type": "object",
                "description": "A proposal as one reader sees it. Every field is present; optional values are null.",
                "required": [
                  "id",
                  "workshopId",
                  "title",
                  "synthesis",
                  "status",
                  "position",
                  "version",
                  "origin",
                  "splitFrom",
                  "mergedInto",
                  "deletedAt",
                  "createdBy",
                  "updatedBy",
                  "createdAt",
                  "updatedAt",
                  "support",
                  "endorsedByYou",
                  "sources"
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
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "synthesis": {
                    "type": "string",
                    "maxLength": 10000,
                    "description": "Markdown."
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "draft",
                      "validated",
                      "published"
                    ]
                  },
                  "position": {
                    "type": "integer",
                    "description": "Order within the workshop, smallest first."
                  },
                  "version": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Raised by every change; the `ETag`."
                  },
                  "origin": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "type": "object",
                        "required": [
                          "clusteringId",
                          "clusterId"
                        ],
                        "properties": {
                          "clusteringId": {
                            "type": [
                              "string",
                              "null"
                            ],
                            "format": "uuid",
                            "description": "Null once the run was deleted."
                          },
                          "clusterId": {
                            "type": "string"
                          }
                        }
                      }
                    ],
                    "description": "The cluster the proposal was adopted from."
                  },
                  "splitFrom": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uuid"
                  },
                  "mergedInto": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uuid",
                    "description": "Set on a proposal retired by a merge."
                  },
                  "deletedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "Set on a retired (deleted or merged) proposal."
                  },
                  "createdBy": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "updatedBy": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "support": {
                    "type": "object",
                    "description": "Counted on every read over the sources whose contribution is published.",
                    "required": [
                      "contributions",
                      "authors",
                      "organisations",
                      "votes",
                      "agreeShare",
                      "endorsements"
                    ],
                    "properties": {
                      "contributions": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "authors": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Distinct authors."
                      },
                      "organisations": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Distinct organisations of the authors."
                      },
                      "votes": {
                        "$ref": "#/components/schemas/Contribution/properties/votes"
                      },
                      "agreeShare": {
                        "type": [
                          "number",
                          "null"
                        ],
                        "minimum": 0,
                        "maximum": 1,
                        "description": "Agree votes over all votes (agree, disagree, pass); null without votes."
                      },
                      "endorsements": {
                        "type": "integer",
                        "minimum": 0
                      }
                    }
                  },
                  "endorsedByYou": {
                    "type": "boolean"
                  },
                  "sources": {
                    "type": "array",
                    "description": "Most supported first.",
                    "items": {
                      "$ref": "#/components/schemas/ProposalSource"
                    }
                  }
                }
              },
              "ProposalSource": {
                "type": "object",
                "required": [
                  "contributionId",
                  "primary",
                  "note",
                  "addedBy",
                  "addedAt",
                  "contribution"
                ],
                "properties": {
                  "contributionId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "primary": {
                    "type": "boolean",
                    "description": "Whether this is the proposal the contribution mainly feeds; at most one is, among live proposals."
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 500
                  },
                  "addedBy": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "addedAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "contribution": {
                    "type": "object",
                    "description": "Title, body and author are null when the reader may not see the contribution (withdrawn, or hidden to a reader who does not moderate the workshop).",
                    "required": [
                      "status",
                      "title",
                      "body",
                      "author",
                      "votes",
                      "createdAt"
                    ],
                    "properties": {
                      "status": {
                        "type": "string",
                        "enum": [
                          "published",
                          "hidden",
                          "withdrawn"
                        ]
                      },
                      "title": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "body": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "author": {
                        "oneOf": [
                          {
                            "type": "null"
                          },
                          {
                            "$ref": "#/components/schemas/Contribution/properties/author"
                          }
                        ]
                      },
                      "votes": {
                        "$ref": "#/components/schemas/Contribution/properties/votes"
                      },
                      "createdAt": {
                        "type": "string",
                        "format": "date-time"
                      }
                    }
                  }
                }
              },
              "ProposalPage": {
                "type": "object",
                "required": [
                  "items",
                  "nextCursor"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Proposal"
                    }
                  },
                  "nextCursor": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                }
              },
              "ProposalItems": {
                "type": "object",
                "required": [
                  "items"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Proposal"
                    }
                  }
                }
              },
              "NewProposal": {
                "type": "object",
                "required": [
                  "title"
                ],
                "properties": {
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "synthesis": {
                    "type": "string",
                    "maxLength": 10000,
                    "description": "Markdown; empty by default."
                  },
                  "sources": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    },
                    "description": "Published contributions of the workshop."
                  }
                }
              },
              "ProposalEdit": {
                "type": "object",
                "description": "Either title and/or synthesis, or status.",
                "properties": {
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "synthesis": {
                    "type": "string",
                    "maxLength": 10000
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "draft",
                      "validated",
                      "published"
                    ]
                  }
                }
              },
              "ProposalSourceChange": {
                "type": "object",
                "properties": {
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 500,
                    "description": "Why the contribution was kept; null removes it."
                  },
                  "primary": {
                    "type": "boolean",
                    "default": false
                  }
                }
              },
              "Adoption": {
                "type": "object",
                "required": [
                  "clusteringId"
                ],
                "properties": {
                  "clusteringId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "clusters": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "minItems": 1,
                    "description": "Cluster ids of the run; all of them when left out."
                  }
                }
              },
              "Merge": {
                "type": "object",
                "required": [
                  "proposals"
                ],
                "properties": {
                  "proposals": {
                    "type": "array",
                    "minItems": 2,
                    "items": {
                      "type": "object",
                      "required": [
                        "id",
                        "version"
                      ],
                      "properties": {
                        "id": {
                          "type": "string",
                          "format": "uuid"
                        },
                        "version": {
                          "type": "integer",
                          "minimum": 1
                        }
                      }
                    }
                  },
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "synthesis": {
                    "type": "string",
                    "maxLength": 10000
                  }
                }
              },
              "Split": {
                "type": "object",
                "required": [
                  "parts"
                ],
                "properties": {
                  "parts": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                      "type": "object",
                      "required": [
                        "title",
                        "sources"
                      ],
                      "properties": {
                        "title": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 200
                        },
                        "synthesis": {
                          "type": "string",
                          "maxLength": 10000
                        },
                        "sources": {
                          "type": "array",
                          "minItems": 1,
                          "items": {
                            "type": "string",
                            "format": "uuid"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "Transfer": {
                "type": "object",
                "required": [
                  "from",
                  "to",
                  "contributions",
                  "mode"
                ],
                "properties": {
                  "from": {
                    "type": "object",
                    "required": [
                      "id",
                      "version"
                    ],
                    "properties": {
                      "id": {
                        "type": "string",
                        "format": "uuid"
                      },
                      "version": {
                        "type": "integer",
                        "minimum": 1
                      }
                    }
                  },
                  "to": {
                    "type": "object",
                    "required": [
                      "id",
                      "version"
                    ],
                    "properties": {
                      "id": {
                        "type": "string",
                        "format": "uuid"
                      },
                      "version": {
                        "type": "integer",
                        "minimum": 1
                      }
                    }
                  },
                  "contributions": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "mode": {
                    "type": "string",
                    "enum": [
                      "move",
                      "copy"
                    ]
                  }
                }
              },
              "ProposalOrder": {
                "type": "object",
                "required": [
                  "proposals"
                ],
                "properties": {
                  "proposals": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  }
                }
              },
              "ProposalSnapshot": {
                "type": "object",
                "description": "A proposal's state at one version.",
                "required": [
                  "title",
                  "synthesis",
                  "status",
                  "position",
                  "sources",
                  "deleted",
                  "mergedInto"
                ],
                "properties": {
                  "title": {
                    "type": "string"
                  },
                  "synthesis": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "draft",
                      "validated",
                      "published"
                    ]
                  },
                  "position": {
                    "type": "integer"
                  },
                  "sources": {
                    "type": "array",
                    "description": "Contribution ids, sorted.",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "deleted": {
                    "type": "boolean"
                  },
                  "mergedInto": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uuid"
                  }
                }
              },
              "Revision": {
                "type": "object",
                "required": [
                  "version",
                  "action",
                  "actorId",
                  "at",
                  "state",
                  "previous"
                ],
                "properties": {
                  "version": {
                    "type": "integer",
                    "minimum": 1
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "create",
                      "adopt",
                      "edit",
                      "validate",
                      "publish",
                      "unpublish",
                      "reopen",
                      "reorder",
                      "add-source",
                      "update-source",
                      "remove-source",
                      "merge",
                      "split",
                      "move",
                      "copy",
                      "delete"
                    ]
                  },
                  "actorId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "state": {
                    "$ref": "#/components/schemas/ProposalSnapshot"
                  },
                  "previous": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "$ref": "#/components/schemas/ProposalSnapshot"
                      }
                    ],
                    "description": "Null for version 1."
                  }
                }
              },
              "RevisionPage": {
                "type": "object",
                "required": [
                  "items",
                  "nextCursor"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Revision"
                    }
                  },
                  "nextCursor": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                }
              },
              "ProposalDiff": {
                "type": "object",
                "description": "Fields that did not change are null.",
                "required": [
                  "proposalId",
                  "from",
                  "to",
                  "title",
                  "status",
                  "position",
                  "deleted",
                  "mergedInto",
                  "sourcesAdded",
                  "sourcesRemoved",
                  "synthesisChanged",
                  "synthesis"
                ],
                "properties": {
                  "proposalId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "from": {
                    "type": "integer"
                  },
                  "to": {
                    "type": "integer"
                  },
                  "title": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "type": "object",
                        "required": [
                          "before",
                          "after"
                        ],
                        "properties": {
                          "before": {
                            "type": "string"
                          },
                          "after": {
                            "type": "string"
                          }
                        }
                      }
                    ]
                  },
                  "status": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "type": "object",
                        "required": [
                          "before",
                          "after"
                        ],
                        "properties": {
                          "before": {
                            "type": "string",
                            "enum": [
                              "draft",
                              "validated",
                              "published"
                            ]
                          },
                          "after": {
                            "type": "string",
                            "enum": [
                              "draft",
                              "validated",
                              "published"
                            ]
                          }
                        }
                      }
                    ]
                  },
                  "position": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "type": "object",
                        "required": [
                          "before",
                          "after"
                        ],
                        "properties": {
                          "before": {
                            "type": "integer"
                          },
                          "after": {
                            "type": "integer"
                          }
                        }
                      }
                    ]
                  },
                  "deleted": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "type": "object",
                        "required": [
                          "before",
                          "after"
                        ],
                        "properties": {
                          "before": {
                            "type": "boolean"
                          },
                          "after": {
                            "type": "boolean"
                          }
                        }
                      }
                    ]
                  },
                  "mergedInto": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "type": "object",
                        "required": [
                          "before",
                          "after"
                        ],
                        "properties": {
                          "before": {
                            "type": [
                              "string",
                              "null"
                            ],
                            "format": "uuid"
                          },
                          "after": {
                            "type": [
                              "string",
                              "null"
                            ],
                            "format": "uuid"
                          }
                        }
                      }
                    ]
                  },
                  "sourcesAdded": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "sourcesRemoved": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "synthesisChanged": {
                    "type": "boolean"
                  },
                  "synthesis": {
                    "type": "array",
                    "description": "The synthesis line by line: removed lines come before the added lines that replace them.",
                    "items": {
                      "type": "object",
                      "required": [
                        "op",
                        "text"
                      ],
                      "properties": {
                        "op": {
                          "type": "string",
                          "enum": [
                            "same",
                            "removed",
                            "added"
                          ]
                        },
                        "text": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              },
              "ConsolidationEntry": {
                "type": "object",
                "required": [
                  "id",
                  "workshopId",
                  "actorId",
                  "action",
                  "proposalsBefore",
                  "proposalsAfter",
                  "contributions",
                  "detail",
                  "at"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "description": "Increasing."
                  },
                  "workshopId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "actorId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "create",
                      "adopt",
                      "edit",
                      "validate",
                      "publish",
                      "unpublish",
                      "reopen",
                      "reorder",
                      "add-source",
                      "update-source",
                      "remove-source",
                      "merge",
                      "split",
                      "move",
                      "copy",
                      "delete"
                    ]
                  },
                  "proposalsBefore": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    },
                    "description": "The proposals the action started from."
                  },
                  "proposalsAfter": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    },
                    "description": "The proposals it left."
                  },
                  "contributions": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "detail": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    }
                  },
                  "at": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "ConsolidationLogPage": {
                "type": "object",
                "required": [
                  "items",
                  "nextCursor"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ConsolidationEntry"
                    }
                  },
                  "nextCursor": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                }
              }
            }
          }
        }
        """#
}
