// Typesets a batch of Typst documents into PDF/UA-1 files, for ndpc's
// print editions (package printed starts it once per build).
//
//   node -e "$(cat typeset.js)" COMPILER_MODULE_FOLDER
//
// stdin: one JSON object {fonts: [base64], documents: [{main, files:
// [{path, data (base64)}], timestamp}]}. stdout: one line of JSON per
// document, in order: {pdf (base64), pages} or {error, diagnostics}.
"use strict";
const { NodeCompiler } = require(process.argv[1]);

const root = "/ndpc-print";
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const batch = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const compiler = NodeCompiler.create({
    workspace: root,
    fontArgs: [{ fontBlobs: batch.fonts.map((f) => Buffer.from(f, "base64")) }],
  });
  for (const doc of batch.documents) {
    process.stdout.write(JSON.stringify(typeset(compiler, doc)) + "\n");
  }
});

function typeset(compiler, doc) {
  compiler.resetShadow();
  for (const f of doc.files) {
    compiler.mapShadow(root + f.path, Buffer.from(f.data, "base64"));
  }
  const result = compiler.compile({ mainFileContent: doc.main });
  const err = result.takeError();
  if (err) {
    return { error: "compiling", diagnostics: compiler.fetchDiagnostics(err) };
  }
  try {
    const pdf = compiler.pdf(result.result, { pdfStandard: "ua-1", creationTimestamp: doc.timestamp });
    return { pdf: pdf.toString("base64"), pages: result.result.numOfPages };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e), diagnostics: [] };
  } finally {
    compiler.evictCache(10);
  }
}
