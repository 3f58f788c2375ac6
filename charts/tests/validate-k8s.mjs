#!/usr/bin/env node
// Offline validation of rendered Kubernetes manifests (no API server, no kubeconform).
//
//   node charts/tests/validate-k8s.mjs [--crds DIR] FILE...      (FILE "-" reads stdin)
//
// Every document must have apiVersion, kind and a DNS-1123 metadata.name. Then, by kind:
// - built-in kinds: the JSON schema of kubernetes-models (types, required fields, formats such as quantities);
// - Synod's kinds (synod.network): the openAPIV3Schema of the CRDs in --crds (default k8s/crds), with unknown fields
//   rejected where the CRD does not preserve them (the API server would silently prune them);
// - other custom kinds the chart renders (CloudNativePG, Strimzi, Prometheus operator): a small hand-written schema
//   of the fields the chart sets (their CRDs are not available offline);
// - anything else: an error, so a new kind gets a check before it ships.
// Exit status 1 when any document is invalid. Prints one line per file.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// The npm packages live in tools/ (installed by .ci/chart-checks.sh, gitignored), not next to this file.
export const TOOLS = resolve(process.env.SYNOD_TOOLS ?? join(dirname(fileURLToPath(import.meta.url)), "../../tools"));
const require = createRequire(join(TOOLS, "package.json"));
const { parseAllDocuments } = require("yaml");
const Ajv = require("ajv").default;

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

// Minimal schemas of third-party custom resources: exactly the parts the chart renders, unknown fields rejected.
const quantity = { anyOf: [{ type: "string", pattern: "^[0-9]+(\\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?$" }, { type: "number" }] };
const resources = {
  type: "object", additionalProperties: false,
  properties: {
    requests: { type: "object", additionalProperties: quantity },
    limits: { type: "object", additionalProperties: quantity },
  },
};
const labelSelector = {
  type: "object",
  properties: { matchLabels: { type: "object", additionalProperties: { type: "string" } }, matchExpressions: { type: "array" } },
};
const strimziSchemas = {
  Kafka: {
    type: "object", required: ["spec"],
    properties: {
      spec: {
        type: "object", additionalProperties: false, required: ["kafka"],
        properties: {
          kafka: {
            type: "object", additionalProperties: false, required: ["listeners"],
            properties: {
              version: { type: "string" },
              listeners: {
                type: "array", minItems: 1,
                items: {
                  type: "object", additionalProperties: false, required: ["name", "port", "type", "tls"],
                  properties: {
                    name: { type: "string", pattern: "^[a-z0-9]{1,11}$" },
                    port: { type: "integer", minimum: 9092 },
                    type: { enum: ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"] },
                    tls: { type: "boolean" },
                  },
                },
              },
              config: { type: "object" },
            },
          },
          entityOperator: { type: "object", properties: { topicOperator: { type: "object" }, userOperator: { type: "object" } } },
        },
      },
    },
  },
  KafkaNodePool: {
    type: "object", required: ["spec"],
    properties: {
      metadata: { type: "object", required: ["labels"], properties: { labels: { type: "object", required: ["strimzi.io/cluster"] } } },
      spec: {
        type: "object", additionalProperties: false, required: ["replicas", "roles", "storage"],
        properties: {
          replicas: { type: "integer", minimum: 0 },
          roles: { type: "array", minItems: 1, items: { enum: ["controller", "broker"] } },
          storage: {
            type: "object", required: ["type"],
            properties: {
              type: { enum: ["jbod", "persistent-claim", "ephemeral"] },
              volumes: {
                type: "array",
                items: {
                  type: "object", additionalProperties: false, required: ["id", "type"],
                  properties: {
                    id: { type: "integer", minimum: 0 }, type: { enum: ["persistent-claim", "ephemeral"] },
                    size: { type: "string" }, class: { type: "string" }, deleteClaim: { type: "boolean" },
                  },
                },
              },
            },
          },
          resources,
        },
      },
    },
  },
  KafkaTopic: {
    type: "object", required: ["spec"],
    properties: {
      metadata: { type: "object", required: ["labels"], properties: { labels: { type: "object", required: ["strimzi.io/cluster"] } } },
      spec: {
        type: "object", additionalProperties: false,
        properties: {
          topicName: { type: "string" }, partitions: { type: "integer", minimum: 1 },
          replicas: { type: "integer", minimum: 1, maximum: 32767 }, config: { type: "object" },
        },
      },
    },
  },
};
const thirdParty = {
  "postgresql.cnpg.io/v1/Cluster": {
    type: "object", required: ["spec"],
    properties: {
      spec: {
        type: "object", additionalProperties: false, required: ["instances", "storage"],
        properties: {
          instances: { type: "integer", minimum: 1 },
          imageName: { type: "string" },
          bootstrap: {
            type: "object", additionalProperties: false,
            properties: {
              initdb: {
                type: "object", additionalProperties: false,
                properties: { database: { type: "string" }, owner: { type: "string" }, secret: { type: "object" } },
              },
            },
          },
          storage: {
            type: "object", additionalProperties: false, required: ["size"],
            properties: { size: { type: "string" }, storageClass: { type: "string" } },
          },
          resources,
        },
      },
    },
  },
  "monitoring.coreos.com/v1/ServiceMonitor": {
    type: "object", required: ["spec"],
    properties: {
      spec: {
        type: "object", additionalProperties: false, required: ["selector", "endpoints"],
        properties: {
          selector: labelSelector,
          namespaceSelector: { type: "object" },
          endpoints: {
            type: "array", minItems: 1,
            items: {
              type: "object", additionalProperties: false, required: ["port"],
              properties: {
                port: { type: "string" }, path: { type: "string", pattern: "^/" },
                interval: { type: "string", pattern: "^[0-9]+(ms|s|m|h)$" }, scheme: { enum: ["http", "https"] },
              },
            },
          },
        },
      },
    },
  },
};
for (const v of ["v1beta2", "v1"]) {
  for (const [kind, schema] of Object.entries(strimziSchemas)) thirdParty[`kafka.strimzi.io/${v}/${kind}`] = schema;
}

// Where the CRD does not say otherwise, an object with declared properties accepts no other field.
function closeSchema(schema) {
  if (!schema || typeof schema !== "object") return schema;
  const out = Array.isArray(schema) ? [] : {};
  for (const [k, v] of Object.entries(schema)) out[k] = typeof v === "object" ? closeSchema(v) : v;
  if (!Array.isArray(schema) && schema.properties && schema.additionalProperties === undefined
      && !schema["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

function loadCrds(dir) {
  const byKey = {};
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
      const crd = doc.toJS();
      if (!crd || crd.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions) {
        if (!version.served) continue;
        const schema = closeSchema(version.schema.openAPIV3Schema);
        // Top-level fields every object has; the CRD schema describes spec and status only.
        schema.properties = { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, ...schema.properties };
        byKey[`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`] = { schema, scope: crd.spec.scope };
      }
    }
  }
  return byKey;
}

async function builtInModel(apiVersion, kind) {
  if (!/^[A-Za-z0-9.]+(\/v[0-9a-z]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  const file = join(TOOLS, "node_modules/kubernetes-models", apiVersion, `${kind}.js`);
  if (!existsSync(file)) return null;
  const mod = await import(pathToFileURL(file).href);
  return mod[kind] ?? null;
}

function ajvErrors(errors) {
  return errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ""}`).join("; ");
}

export async function validateDocuments(text, { crds }) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const compiled = {};
  const problems = [];
  let count = 0;
  const docs = parseAllDocuments(text);
  for (const [i, doc] of docs.entries()) {
    if (doc.errors.length) {
      problems.push(`document ${i + 1}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    count++;
    const where = `${obj.kind ?? "?"} ${obj.metadata?.name ?? "?"}`;
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
      problems.push(`document ${i + 1}: apiVersion and kind are required`);
      continue;
    }
    if (typeof obj.metadata?.name !== "string" || obj.metadata.name.length > 253 || !DNS1123_SUBDOMAIN.test(obj.metadata.name)) {
      problems.push(`${where}: metadata.name must be a DNS-1123 subdomain`);
      continue;
    }
    const key = `${obj.apiVersion.includes("/") ? obj.apiVersion : `core/${obj.apiVersion}`}/${obj.kind}`;
    const crd = crds[`${obj.apiVersion}/${obj.kind}`];
    if (crd) {
      compiled[key] ??= ajv.compile(crd.schema);
      if (!compiled[key](obj)) problems.push(`${where}: ${ajvErrors(compiled[key].errors)}`);
      if (crd.scope === "Cluster" && obj.metadata.namespace) problems.push(`${where}: cluster-scoped but has a namespace`);
      continue;
    }
    const third = thirdParty[`${obj.apiVersion}/${obj.kind}`];
    if (third) {
      compiled[key] ??= ajv.compile(third);
      if (!compiled[key](obj)) problems.push(`${where}: ${ajvErrors(compiled[key].errors)}`);
      continue;
    }
    const Model = await builtInModel(obj.apiVersion, obj.kind);
    if (!Model) {
      problems.push(`${where}: no schema for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      problems.push(`${where}: ${e.message}`);
    }
  }
  return { count, problems };
}

async function main(argv) {
  let crdDir = "k8s/crds";
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--crds") crdDir = argv[++i];
    else files.push(argv[i]);
  }
  if (!files.length) {
    console.error("usage: validate-k8s.mjs [--crds DIR] FILE...");
    return 2;
  }
  const crds = loadCrds(resolve(crdDir));
  let failed = 0;
  for (const file of files) {
    const text = readFileSync(file === "-" ? 0 : file, "utf8");
    const { count, problems } = await validateDocuments(text, { crds });
    if (count === 0) problems.push("no objects");
    if (problems.length) {
      failed++;
      console.log(`INVALID ${file}: ${count} objects`);
      for (const p of problems) console.log(`  - ${p}`);
    } else {
      console.log(`valid ${file}: ${count} objects`);
    }
  }
  return failed ? 1 : 0;
}

export { loadCrds };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
