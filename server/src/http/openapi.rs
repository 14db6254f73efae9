//! The OpenAPI 3 document of the whole API, served at `/api/v1/openapi.json`. Schemas come from
//! the core types themselves (schemars), so the document cannot drift from what is sent; a test
//! checks that it lists exactly the routes the router serves.

use mitreden_core::indicator::IndicatorsSubmission;
use mitreden_core::outcome::OutcomeSubmission;
use mitreden_core::proof::Challenge;
use mitreden_core::{
    Acknowledgement, Consultation, ResponseSubmission, Results, StatementSubmission,
    StatementSummary, Submitted, ValidResponse, ValidStatement,
};
use schemars::gen::{SchemaGenerator, SchemaSettings};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

use crate::http::api::results::ProgressDocument;
use crate::http::staff_api::outcome::Imported;
use mitreden_core::outcome::FollowUp;

/// Who may call an operation.
#[derive(Clone, Copy)]
enum Access {
    Public,
    Receipt,
    Staff,
}

struct Operation {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    access: Access,
    request: Option<Value>,
    /// Status and schema of the success answer (`None` for an empty body).
    success: (u16, Option<Value>),
}

fn schema<T: JsonSchema>(generator: &mut SchemaGenerator) -> Option<Value> {
    serde_json::to_value(generator.subschema_for::<T>()).ok()
}

fn operations(g: &mut SchemaGenerator) -> Vec<Operation> {
    use Access::*;
    let op = |method, path, summary, access, request, success| Operation {
        method,
        path,
        summary,
        access,
        request,
        success,
    };
    let object = Some(json!({ "type": "object" }));
    let text = Some(json!({ "type": "string" }));
    vec![
        op(
            "get",
            "/api/v1/openapi.json",
            "This document",
            Public,
            None,
            (200, object.clone()),
        ),
        op(
            "get",
            "/api/v1/consultations/{slug}",
            "A consultation, texts in every language",
            Public,
            None,
            (200, schema::<Consultation>(g)),
        ),
        op(
            "get",
            "/api/v1/consultations/{slug}/challenge",
            "A proof-of-work challenge, if the consultation asks for one (404 proof_not_required otherwise); the solution goes with the submission in the header Mitreden-Proof",
            Public,
            None,
            (200, schema::<Challenge>(g)),
        ),
        op(
            "post",
            "/api/v1/consultations/{slug}/responses",
            "Submit a response (201; the same again: 200)",
            Public,
            schema::<ResponseSubmission>(g),
            (201, schema::<Acknowledgement>(g)),
        ),
        op(
            "get",
            "/api/v1/consultations/{slug}/responses/mine",
            "The response with the receipt in `Authorization: Receipt …`",
            Receipt,
            None,
            (200, schema::<ValidResponse>(g)),
        ),
        op(
            "delete",
            "/api/v1/consultations/{slug}/responses/mine",
            "Withdraw the response with that receipt",
            Receipt,
            None,
            (204, None),
        ),
        op(
            "post",
            "/api/v1/consultations/{slug}/statements",
            "Hand in an organisation statement",
            Public,
            schema::<StatementSubmission>(g),
            (201, schema::<Acknowledgement>(g)),
        ),
        op(
            "get",
            "/api/v1/consultations/{slug}/statements/mine",
            "The statement with that receipt",
            Receipt,
            None,
            (200, schema::<ValidStatement>(g)),
        ),
        op(
            "delete",
            "/api/v1/consultations/{slug}/statements/mine",
            "Withdraw the statement with that receipt",
            Receipt,
            None,
            (204, None),
        ),
        op(
            "get",
            "/api/v1/consultations/{slug}/submissions/mine",
            "Whatever the receipt was given for: `{\"response\": …}` or `{\"statement\": …}`",
            Receipt,
            None,
            (200, schema::<Submitted>(g)),
        ),
        op(
            "get",
            "/api/v1/consultations/{slug}/results",
            "Results per group and overall; organisations apart (`organisations`); what became of the input (`outcome`), the indicators, the round comparison and the licence as in …/progress",
            Public,
            None,
            (200, Some(json!({ "allOf": [schema::<Results>(g), schema::<FollowUp>(g)] }))),
        ),
        op(
            "get",
            "/api/v1/schemas/follow-up.json",
            "The JSON Schema of the follow-up (outcome, indicators, rounds, licence)",
            Public,
            None,
            (200, object.clone()),
        ),
        op(
            "get",
            "/api/v1/consultations/{slug}/progress",
            "What became of the input (`outcome`, with its history), the indicators of each priority with their values and progress, how ranks moved since the round before (`rounds`) and the licence; public even while the results are not",
            Public,
            None,
            (200, schema::<ProgressDocument>(g)),
        ),
        op(
            "post",
            "/api/v1/staff/session",
            "Sign in (sets the session cookie)",
            Public,
            Some(
                json!({ "type": "object", "additionalProperties": false, "required": ["name", "password"], "properties": { "name": { "type": "string", "pattern": "^[A-Za-z0-9._@-]{1,64}$" }, "password": { "type": "string", "maxLength": 1024 } } }),
            ),
            (200, object.clone()),
        ),
        op(
            "delete",
            "/api/v1/staff/session",
            "Sign out",
            Staff,
            None,
            (204, None),
        ),
        op(
            "get",
            "/api/v1/staff/me",
            "The signed-in staff member",
            Staff,
            None,
            (200, object.clone()),
        ),
        op(
            "get",
            "/api/v1/staff/tokens",
            "API tokens (id, member, created_at, expires_at; never the secret): all for admins, one's own for others",
            Staff,
            None,
            (
                200,
                Some(json!({ "type": "array", "items": { "type": "object" } })),
            ),
        ),
        op(
            "post",
            "/api/v1/staff/tokens",
            "Make an API token for oneself; its secret (`token`) is in this answer only",
            Staff,
            Some(
                json!({ "type": "object", "additionalProperties": false, "properties": { "days": { "type": "integer", "minimum": 1, "maximum": 3650, "default": 90 } } }),
            ),
            (201, object.clone()),
        ),
        op(
            "delete",
            "/api/v1/staff/tokens/{id}",
            "Revoke an API token (one's own; admins any)",
            Staff,
            None,
            (204, None),
        ),
        op(
            "get",
            "/api/v1/staff/consultations",
            "All consultations with their counts",
            Staff,
            None,
            (
                200,
                Some(json!({ "type": "array", "items": { "type": "object" } })),
            ),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}",
            "A consultation's definition (drafts too)",
            Staff,
            None,
            (200, schema::<Consultation>(g)),
        ),
        op(
            "put",
            "/api/v1/staff/consultations/{slug}",
            "Create (201) or replace (200) a definition (admin)",
            Staff,
            schema::<Consultation>(g),
            (200, None),
        ),
        op(
            "post",
            "/api/v1/staff/consultations/{slug}/status",
            "Open, close or draft a consultation (admin)",
            Staff,
            Some(
                json!({ "type": "object", "required": ["status"], "properties": { "status": { "enum": ["draft", "open", "closed"] } } }),
            ),
            (200, schema::<Consultation>(g)),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/results",
            "Full results",
            Staff,
            None,
            (200, schema::<Results>(g)),
        ),
        op(
            "post",
            "/api/v1/staff/consultations/{slug}/proposals/{id}/adopt",
            "Add an approved priority proposal as a new priority (admin); earlier ballots count it as not shown",
            Staff,
            None,
            (200, schema::<Consultation>(g)),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/timeline",
            "Responses per day (UTC)",
            Staff,
            None,
            (
                200,
                Some(
                    json!({ "type": "array", "items": { "type": "object", "properties": { "date": { "type": "string" }, "responses": { "type": "integer" } } } }),
                ),
            ),
        ),
        op(
            "post",
            "/api/v1/staff/consultations/{slug}/statements/{id}/publication",
            "Mark a statement for publication (only with the organisation's consent)",
            Staff,
            Some(
                json!({ "type": "object", "required": ["published"], "properties": { "published": { "type": "boolean" } } }),
            ),
            (204, None),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/proposals",
            "Proposals for moderation",
            Staff,
            None,
            (
                200,
                Some(json!({ "type": "array", "items": { "type": "object" } })),
            ),
        ),
        op(
            "post",
            "/api/v1/staff/consultations/{slug}/proposals/{id}",
            "Approve or reject a proposal",
            Staff,
            Some(
                json!({ "type": "object", "required": ["decision"], "properties": { "decision": { "enum": ["approve", "reject"] } } }),
            ),
            (204, None),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/comments",
            "Comments for moderation, with how many read the same (a possible campaign)",
            Staff,
            None,
            (
                200,
                Some(json!({ "type": "array", "items": { "type": "object" } })),
            ),
        ),
        op(
            "post",
            "/api/v1/staff/consultations/{slug}/comments/decisions",
            "Approve, reject or hide several comments at once (all copies of a text, or a selection): all or none",
            Staff,
            Some(
                json!({ "type": "object", "required": ["ids", "decision"], "properties": { "ids": { "type": "array", "items": { "type": "integer", "format": "int64" }, "minItems": 1, "maxItems": 1000 }, "decision": { "enum": ["approve", "reject", "hide"] }, "reason": { "type": "string", "maxLength": 1000 } } }),
            ),
            (204, None),
        ),
        op(
            "post",
            "/api/v1/staff/consultations/{slug}/comments/{id}",
            "Approve, reject (with a reason) or hide a comment",
            Staff,
            Some(
                json!({ "type": "object", "required": ["decision"], "properties": { "decision": { "enum": ["approve", "reject", "hide"] }, "reason": { "type": "string", "maxLength": 1000 } } }),
            ),
            (204, None),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/statements",
            "Organisation statements",
            Staff,
            None,
            (
                200,
                Some(json!({ "type": "array", "items": schema::<ValidStatement>(g) })),
            ),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/export.csv",
            "Responses as CSV (UTF-8 with BOM)",
            Staff,
            None,
            (200, text),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/outcome",
            "The outcome, indicators and round comparison as they stand, with their history",
            Staff,
            None,
            (200, schema::<FollowUp>(g)),
        ),
        op(
            "put",
            "/api/v1/staff/consultations/{slug}/outcome",
            "Publish the outcome (admins): a summary and, per priority, conflict or decided proposal (`proposal-{number}`), a status and a response, every text in every language of the consultation; each change is kept with its date",
            Staff,
            schema::<OutcomeSubmission>(g),
            (200, schema::<FollowUp>(g)),
        ),
        op(
            "put",
            "/api/v1/staff/consultations/{slug}/priorities/{priority}/indicators",
            "Publish the indicators of a priority (admins): baseline, target, direction, source and measured values, each value with its date",
            Staff,
            schema::<IndicatorsSubmission>(g),
            (200, schema::<FollowUp>(g)),
        ),
        op(
            "post",
            "/api/v1/staff/consultations/{slug}/indicator-values",
            "Import measured values (admins) from a CSV file with the columns priority, indicator, date, value (commas, or semicolons with decimal commas); every row or none",
            Staff,
            Some(json!({
                "type": "string",
                "description": "CSV, UTF-8 (a byte order mark is allowed). The first line must be the header naming exactly the four columns priority, indicator, date and value (in any order and case), separated by commas, or by semicolons when values have decimal commas; then one value per line (date as YYYY-MM-DD). Without that header nothing is imported and the answer is 422 invalid_csv.",
                "example": "priority,indicator,date,value\nonce-only,registers-connected,2027-03-31,12.5\n"
            })),
            (200, schema::<Imported>(g)),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/export.zip",
            "Open data: responses.csv and the outcome, its history, indicators, their values and the round comparison as CSV files, with a README naming the licence",
            Staff,
            None,
            (200, Some(json!({ "type": "string", "format": "binary" }))),
        ),
        op(
            "get",
            "/api/v1/staff/consultations/{slug}/export.json",
            "Definition, responses, statements and results",
            Staff,
            None,
            (200, object),
        ),
    ]
}

/// The JSON Schema (draft 2019-09) of the follow-up document: outcome with its history,
/// indicators with progress, round comparison, licence.
pub fn follow_up_schema() -> Value {
    let generator = SchemaSettings::draft2019_09().into_generator();
    let mut schema =
        serde_json::to_value(generator.into_root_schema_for::<FollowUp>()).unwrap_or_default();
    schema["description"] = json!("What followed a consultation (mitreden): the outcome staff published with its history, the indicators of each priority with their values and progress, how ranks moved since the round before, and the licence. Served in /api/v1/consultations/{slug}/progress and the results feed.");
    schema
}

/// `(method, path)` of every documented operation, for tests.
pub fn documented_routes() -> Vec<(String, String)> {
    let mut g = SchemaSettings::openapi3().into_generator();
    operations(&mut g)
        .into_iter()
        .map(|o| (o.method.to_owned(), o.path.to_owned()))
        .collect()
}

/// The document.
pub fn document() -> Value {
    let mut g = SchemaSettings::openapi3().into_generator();
    // Referenced from the results document's `organisations`.
    let _ = schema::<StatementSummary>(&mut g);
    let mut paths: Map<String, Value> = Map::new();
    for o in operations(&mut g) {
        let mut responses = Map::new();
        let (status, body) = &o.success;
        let media = if o.path.ends_with(".csv") {
            "text/csv"
        } else if o.path.ends_with(".zip") {
            "application/zip"
        } else {
            "application/json"
        };
        responses.insert(
            status.to_string(),
            match body {
                Some(s) => {
                    json!({ "description": "Success", "content": { media: { "schema": s } } })
                }
                None => json!({ "description": "Success, no content" }),
            },
        );
        responses.insert(
            "default".into(),
            json!({ "description": "An error, with a stable code", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }),
        );
        let mut parameters = Vec::new();
        for name in ["slug", "id", "priority"] {
            if o.path.contains(&format!("{{{name}}}")) {
                // Comments and proposals are numbered; statements and tokens have text ids.
                let numbered = o.path.contains("/comments/") || o.path.contains("/proposals/");
                let schema = match name {
                    "slug" => json!({ "type": "string", "pattern": "^[a-z0-9-]{1,64}$" }),
                    _ if numbered => json!({ "type": "integer", "format": "int64" }),
                    _ => json!({ "type": "string" }),
                };
                parameters.push(
                    json!({ "name": name, "in": "path", "required": true, "schema": schema }),
                );
            }
        }
        let mut operation =
            json!({ "summary": o.summary, "parameters": parameters, "responses": responses });
        if let Some(body) = o.request {
            let media = if o.path.ends_with("/indicator-values") {
                "text/csv"
            } else {
                "application/json"
            };
            operation["requestBody"] =
                json!({ "required": true, "content": { media: { "schema": body } } });
        }
        match o.access {
            Access::Public => {}
            Access::Receipt => operation["security"] = json!([{ "receipt": [] }]),
            Access::Staff => operation["security"] = json!([{ "session": [] }, { "token": [] }]),
        }
        paths
            .entry(o.path.to_owned())
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("path items are objects")
            .insert(o.method.to_owned(), operation);
    }
    let mut schemas = serde_json::to_value(g.definitions()).unwrap_or_else(|_| json!({}));
    schemas["Error"] = json!({
        "type": "object",
        "required": ["error"],
        "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": {
            "code": { "type": "string", "description": "Stable and machine-readable, e.g. unknown_group" },
            "message": { "type": "string", "description": "A sentence for people" }
        } } }
    });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "mitreden API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Co-creative public consultations: rank priorities, take positions on goal conflicts, hand in statements; results per stakeholder group."
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "receipt": { "type": "apiKey", "in": "header", "name": "Authorization", "description": "`Receipt ABCD-EFGH-JKMN-PQRS`" },
                "session": { "type": "apiKey", "in": "cookie", "name": "mitreden_staff" },
                "token": { "type": "http", "scheme": "bearer" }
            }
        }
    })
}
