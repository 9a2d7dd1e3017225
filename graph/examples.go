package graph

// ExampleQuery is one of README.md's Gizmo examples, with concrete names.
type ExampleQuery struct {
	Name  string // short handle: members, backers, struck, evidence, path
	Gizmo string
}

// ExampleQueries are README.md's Gizmo examples in the order the README
// gives them. The query benchmarks and cmd/agbench run them.
var ExampleQueries = []ExampleQuery{
	{"members", `g.V("<https://actorgraph.dev/id/islamic-resistance-in-iraq>")
  .in("<https://actorgraph.dev/ns#memberOf>").unique().all()`},
	{"backers", `g.V("<https://actorgraph.dev/id/iran>").in("<https://actorgraph.dev/ns#backedBy>").unique().all()`},
	{"struck", `var rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", ag = "https://actorgraph.dev/ns#";
function one(node, pred) { return g.V(node).out("<" + pred + ">").toValue(); }
var rows = [];
g.V("<https://actorgraph.dev/id/kataib-hezbollah>").in("<" + rdf + "object>")
  .has("<" + rdf + "predicate>", "<" + ag + "struck>").forEach(function (st) {
    rows.push({
      subject: one(st.id, rdf + "subject"),
      date: one(st.id, ag + "date") || "",
      modality: one(st.id, ag + "modality"),
      document: one(st.id, ag + "document"),
    });
  });
rows.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
rows.forEach(function (r) { g.emit(r); });`},
	{"evidence", `var rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", ag = "https://actorgraph.dev/ns#";
function one(node, pred) { return g.V(node).out("<" + pred + ">").toValue(); }
g.V("<https://actorgraph.dev/id/kataib-hezbollah>").in("<" + rdf + "subject>")
  .has("<" + rdf + "predicate>", "<" + ag + "memberOf>")
  .has("<" + rdf + "object>", "<https://actorgraph.dev/id/islamic-resistance-in-iraq>")
  .forEach(function (st) {
    g.emit({
      document: one(st.id, ag + "document"),
      modality: one(st.id, ag + "modality"),
      rule: one(st.id, ag + "rule"),
      sentence: one(st.id, ag + "evidence"),
    });
  });`},
	{"path", `var ag = "https://actorgraph.dev/ns#";
var facts = ["memberOf", "leaderOf", "spokespersonFor", "officialOf", "backedBy", "alliedWith",
  "locatedIn", "deployedIn", "operatedBy", "attacked", "struck", "killed", "wounded", "threatened",
  "accused", "demanded", "negotiatedWith", "agreedWith", "truceWith", "withdrewFrom"]
  .map(function (p) { return "<" + ag + p + ">"; });
var from = "<https://actorgraph.dev/id/kataib-hezbollah>", to = "<https://actorgraph.dev/id/israel>";
var maxDepth = 4, parent = {}, frontier = [from];
parent[from] = null;
for (var depth = 0; depth < maxDepth && frontier.length && !(to in parent); depth++) {
  var next = [];
  frontier.forEach(function (n) {
    g.V(n).both(facts).toArray().forEach(function (m) {
      if (!(m in parent)) { parent[m] = n; next.push(m); }
    });
  });
  frontier = next;
}
var path = [];
for (var n = (to in parent) ? to : null; n; n = parent[n]) path.unshift(n);
g.emit(path);`},
}
