// `npm run eval`: the answer-quality evals arrive with the assistant (agent and offline planner).
console.error('helloword: the answer-quality evals are not available yet: they arrive with the assistant release.');
process.exitCode = 1;
