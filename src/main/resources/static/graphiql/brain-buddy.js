// Starts GraphiQL on this server's /graphql endpoint. A query or headers given in the page's URL
// (?query=...&headers=...) replace the defaults, so that links can open a ready-made request.
(function () {
  var defaultQuery = [
    '# 1. Sign up (or log in), then copy the token into the Headers tab below:',
    '#    {"Authorization": "Bearer <token>"}',
    '# 2. Run the query: you, with your sessions, habits and personal model.',
    '',
    'mutation SignUp {',
    '  register(input: {email: "you@example.org", password: "a long passphrase", chronotype: BEAR}) {',
    '    token',
    '    expiresAt',
    '  }',
    '}',
    '',
    'query Me {',
    '  me {',
    '    email',
    '    chronotype',
    '    sessions(first: 10) {',
    '      edges { node { id moduleType brainwaveTarget timestamp userRating } }',
    '      pageInfo { hasNextPage endCursor }',
    '    }',
    '    habits { id habitType trigger successRate currentStreak strength }',
    '    model { phase trainingSteps lastUpdated }',
    '  }',
    '}',
    ''
  ].join('\n');
  var defaultHeaders = JSON.stringify({ Authorization: 'Bearer <paste the token from register or login>' }, null, 2);
  var parameters = new URLSearchParams(window.location.search);

  // Until the placeholder is replaced by a real token, the header is left out: the server refuses a
  // malformed bearer token outright, and GraphiQL could not even load the schema.
  var send = GraphiQL.createFetcher({ url: '/graphql' });
  var fetcher = function (request, options) {
    var headers = Object.assign({}, options && options.headers);
    if (/</.test(headers.Authorization || '')) {
      delete headers.Authorization;
    }
    return send(request, Object.assign({}, options, { headers: headers }));
  };

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: defaultQuery,
    query: parameters.get('query') || undefined,
    headers: parameters.get('headers') || defaultHeaders,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false
  }));
})();
