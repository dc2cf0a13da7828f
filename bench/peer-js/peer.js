// The Bot Framework JS SDK peer of the MdoBot hot-path bench (bench/MdoBot.Bench, --phase hotpath).
//
// The idiomatic SDK stack for a Teams bot with auth disabled (empty app id, like MdoBot's dev mode):
// CloudAdapter + ConfigurationBotFrameworkAuthentication, ConversationState over MemoryStorage, and an
// ActivityHandler answering adaptiveCard/action invokes. Each Action.Execute does what MdoBot's
// case.save does: load the conversation's state, change it (goal, decisions, a version counter),
// save it, and answer with the case card built from the saved state (~3.3 KB of JSON).
//
// Usage: node peer.js PORT   (listens on 127.0.0.1 only)
// GET /_stats -> {"versions": total version count in storage, "conversations": n}: read-only, for the bench.
'use strict';

const http = require('http');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
} = require('botbuilder');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
    console.error('usage: node peer.js PORT');
    process.exit(2);
}

const memory = {}; // MemoryStorage keeps its items here, as JSON strings
const storage = new MemoryStorage(memory);
const conversationState = new ConversationState(storage);
const caseState = conversationState.createProperty('case');
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
adapter.onTurnError = async (context, error) => {
    console.error(`turn error: ${error && error.stack ? error.stack : error}`);
};

const members = [
    { id: '29:chair', name: 'Anna de Vries' },
    { id: '29:nurse', name: 'Bram Jansen' },
    { id: '29:social', name: 'Carla Smit' },
];

class CaseBot extends ActivityHandler {
    async onAdaptiveCardInvoke(context, invokeValue) {
        const data = invokeValue.action.data || {};
        const state = await caseState.get(context, {
            mdoId: `peer-${context.activity.conversation.id}`,
            caseId: 'c1',
            code: 'Gezin A',
            question: 'Hoe ondersteunen we de ouders?',
            familyWants: 'Rust in huis',
            plannedMinutes: 60,
            goal: null,
            decisions: null,
            caseLead: null,
            version: 0,
        }); // the default is cloned by the accessor
        state.goal = typeof data.goal === 'string' ? data.goal : null;
        state.decisions = typeof data.decisions === 'string' ? data.decisions : null;
        state.caseLead = members.find((m) => m.id === data.caseLead) || state.caseLead;
        state.version += 1;
        await caseState.set(context, state);
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: caseCard(state) };
    }

    async run(context) {
        await super.run(context);
        await conversationState.saveChanges(context, false); // before CloudAdapter writes the answer
    }
}

const bot = new CaseBot();

/** The case card, shaped like MdoBot's (title, time, question, family view, record form, actions). */
function caseCard(s) {
    const choices = members.map((m) => ({ title: m.name, value: m.id }));
    const heading = (text) => ({ type: 'TextBlock', text, weight: 'Bolder', spacing: 'Medium', wrap: true });
    const data = (verb, extra) => ({ verb, mdoId: s.mdoId, caseId: s.caseId, ...extra });
    return {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        lang: 'nl-NL',
        fallbackText: `Casus ${s.code}`,
        body: [
            { type: 'TextBlock', text: s.code, size: 'Large', weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: 'Bezig · inbrenger: Bram Jansen', isSubtle: true, spacing: 'None', wrap: true },
            { type: 'TextBlock', text: `Tijd: nog ${s.plannedMinutes} min`, color: 'accent', weight: 'Bolder', wrap: true },
            heading('Vraag'),
            { type: 'TextBlock', text: s.question, spacing: 'Small', wrap: true },
            heading('Perspectief van het gezin'),
            { type: 'FactSet', spacing: 'Small', facts: [{ title: 'Wil', value: s.familyWants }] },
            heading('Gedeeld doel'),
            { type: 'Input.Text', id: 'goal', isMultiline: true, maxLength: 2000, value: s.goal || '', placeholder: 'Wat willen we samen bereiken?' },
            heading('Besluiten'),
            { type: 'Input.Text', id: 'decisions', isMultiline: true, maxLength: 2000, value: s.decisions || '', placeholder: 'Wat is besloten?' },
            heading('Regiehouder'),
            { type: 'Input.ChoiceSet', id: 'caseLead', style: 'compact', value: s.caseLead ? s.caseLead.id : '', placeholder: 'Kies een regiehouder', choices },
            {
                type: 'ActionSet',
                actions: [{ type: 'Action.Execute', title: 'Opslaan', verb: 'case.save', data: data('case.save'), style: 'positive' }],
            },
            { type: 'TextBlock', text: `Opgeslagen (versie ${s.version})`, isSubtle: true, size: 'Small', wrap: true },
            heading('Acties — wie doet wat'),
            { type: 'TextBlock', text: 'Nog geen acties.', isSubtle: true, spacing: 'Small', wrap: true },
        ],
        actions: [
            {
                type: 'Action.ShowCard',
                title: 'Actie toevoegen',
                card: {
                    type: 'AdaptiveCard',
                    body: [
                        { type: 'Input.ChoiceSet', id: 'actionOwner', label: 'Wie', isRequired: true, errorMessage: 'Kies wie de actie uitvoert.', style: 'compact', choices },
                        { type: 'Input.Text', id: 'actionText', label: 'Wat', isRequired: true, errorMessage: 'Beschrijf de actie.', maxLength: 500 },
                        { type: 'Input.Date', id: 'actionDue', label: 'Wanneer', isRequired: true, errorMessage: 'Kies een datum.', value: '2026-12-08' },
                    ],
                    actions: [{ type: 'Action.Execute', title: 'Toevoegen', verb: 'case.addAction', data: data('case.addAction') }],
                },
            },
            { type: 'Action.Execute', title: 'Verlengen +5', verb: 'mdo.extend', data: data('mdo.extend', { minutes: 5 }), associatedInputs: 'None' },
            { type: 'Action.Execute', title: 'Volgende casus', verb: 'mdo.next', data: data('mdo.next'), associatedInputs: 'None', style: 'positive' },
        ],
    };
}

/** Total version count over every stored conversation state (parses what MemoryStorage holds). */
function stats() {
    let versions = 0;
    let conversations = 0;
    for (const json of Object.values(memory)) {
        const item = JSON.parse(json);
        if (item.case) {
            versions += item.case.version;
            conversations += 1;
        }
    }
    return { versions, conversations };
}

/** The minimal restify/express-like request and response CloudAdapter.process needs. */
function shim(req, res, body) {
    let payload;
    const request = { method: req.method, headers: req.headers, body };
    const response = {
        status(code) { res.statusCode = code; return response; },
        header(name, value) { res.setHeader(name, value); return response; },
        send(b) {
            if (b !== undefined && b !== null && typeof b === 'object' && !Buffer.isBuffer(b)) {
                res.setHeader('Content-Type', 'application/json; charset=utf-8');
                payload = JSON.stringify(b);
            } else {
                payload = b === undefined || b === null ? undefined : String(b);
            }
            return response;
        },
        end() {
            if (payload !== undefined) {
                res.setHeader('Content-Length', Buffer.byteLength(payload));
            }
            res.end(payload);
            return response;
        },
    };
    return [request, response];
}

function answer(res, status, object) {
    const text = JSON.stringify(object);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
}

const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/_stats') {
        answer(res, 200, stats());
        return;
    }
    if (req.url !== '/api/messages') {
        answer(res, 404, { error: 'not found' });
        return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
            answer(res, 400, { error: 'bad json' });
            return;
        }
        const [request, response] = shim(req, res, body);
        adapter.process(request, response, (context) => bot.run(context)).catch((err) => {
            console.error(`process error: ${err && err.stack ? err.stack : err}`);
            if (!res.headersSent) {
                answer(res, 500, { error: String(err) });
            }
        });
    });
});
server.keepAliveTimeout = 120000;
server.headersTimeout = 125000;
server.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => server.close(() => process.exit(0)));
}
