// Atelier's only script. Every page works without it; with it, votes take effect without a
// reload, the text field counts the characters left, the workshop page follows the live
// events, and so does the plenary screen. It writes text (textContent), never HTML.
"use strict";
(function () {
    var live = document.getElementById("direct");

    function say(text) {
        if (live) live.textContent = text;
    }

    function number(value) {
        return value.toLocaleString("fr-FR");
    }

    function plural(count, singular, several) {
        return number(count) + " " + (count > 1 ? several : singular);
    }

    function tallyText(votes) {
        return "D'accord : " + number(votes.agree) + " · Pas d'accord : " + number(votes.disagree) + " · Passer : " + number(votes.pass);
    }

    // Characters left, said once typing pauses so a screen reader is not interrupted at each key.
    document.querySelectorAll("textarea[data-limit]").forEach(function (area) {
        var limit = parseInt(area.getAttribute("data-limit"), 10);
        var out = document.getElementById(area.id + "-reste");
        if (!out || !limit) return;
        var timer = null;
        function update() {
            var left = limit - Array.from(area.value.normalize("NFC")).length;
            out.textContent = left >= 0 ? plural(left, "caractère restant", "caractères restants") : plural(-left, "caractère de trop", "caractères de trop");
        }
        area.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(update, 500);
        });
        update();
    });

    // Votes: the same form, the same CSRF token, sent with fetch; the answer is JSON.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var button = event.submitter;
        if (!form.classList.contains("vote-form") || !button || button.name !== "vote") return;
        if (form.getAttribute("data-plain") === "1") return;
        event.preventDefault();
        var body = new URLSearchParams(new FormData(form));
        body.set("vote", button.value);
        fetch(form.action, { method: "POST", body: body, headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) throw new Error(String(response.status));
                return response.json();
            })
            .then(function (result) {
                form.querySelectorAll("button[name=vote]").forEach(function (other) {
                    other.setAttribute("aria-pressed", String(other.value === result.myVote));
                });
                var tally = document.querySelector('[data-tally="' + result.contribution + '"]');
                if (tally) tally.textContent = result.tally;
                var mine = form.querySelector("[data-my-vote]");
                if (mine) mine.textContent = result.myVoteText;
                say("Vote enregistré. " + result.myVoteText + " " + result.tally + ".");
            })
            .catch(function () {
                // Let the server answer the ordinary way, with its error page if there is one.
                form.setAttribute("data-plain", "1");
                form.requestSubmit(button);
            });
    });

    // Live events of the workshop: new tallies in place, and what changed, counted, in the status line.
    var feed = live && live.getAttribute("data-events");
    if (!feed || !window.EventSource) return;
    var source = new EventSource(feed);
    var fresh = 0;
    var votes = 0;
    var reshaped = 0;
    var published = 0;
    function report() {
        var parts = [];
        if (fresh) parts.push(plural(fresh, "nouvelle contribution", "nouvelles contributions") + " (rechargez la page pour les lire)");
        if (votes) parts.push(plural(votes, "mise à jour des votes", "mises à jour des votes"));
        if (published) parts.push(plural(published, "proposition publiée", "propositions publiées") + " (voir les propositions)");
        if (reshaped) parts.push(plural(reshaped, "changement des propositions", "changements des propositions") + " par un autre animateur (rechargez la page)");
        say("Depuis l'ouverture de la page : " + parts.join(", ") + ".");
    }
    source.addEventListener("contribution.tallied", function (event) {
        var data = JSON.parse(event.data);
        var tally = document.querySelector('[data-tally="' + data.contribution + '"]');
        var text = tallyText(data.votes);
        if (!tally || tally.textContent === text) return;
        tally.textContent = text;
        votes += 1;
        report();
    });
    source.addEventListener("contribution.created", function () {
        fresh += 1;
        report();
    });
    source.addEventListener("proposal.published", function () {
        published += 1;
        report();
    });
    // The lead's board: what another lead did to the proposals (the stream sends these to leads only).
    if (live.getAttribute("data-board") === "1") {
        ["create", "adopt", "edit", "validate", "publish", "unpublish", "reopen", "reorder", "add_source", "update_source",
            "remove_source", "merge", "split", "move", "copy", "delete"].forEach(function (action) {
            source.addEventListener("proposal." + action, function () {
                reshaped += 1;
                report();
            });
        });
    }
    source.addEventListener("workshop.updated", function () {
        say("L'atelier a été ouvert ou fermé : rechargez la page.");
    });
})();

/* Plenary screen: the stream says that a workshop changed; the screen then reads what is public
   again (/ecran/etat) and writes it as text. Pause stops following until resumed (RGAA 13.8). */
(function () {
    var screen = document.querySelector("[data-ecran-etat]");
    if (!screen) return;
    var stateURL = screen.getAttribute("data-ecran-etat");
    var streamURL = screen.getAttribute("data-ecran-flux");
    var pause = document.getElementById("ecran-pause");
    var status = document.getElementById("ecran-etat");
    var news = document.getElementById("ecran-annonce");
    var source = null;
    var paused = false;
    var busy = false;
    var again = false;
    var shown = {};
    screen.querySelectorAll("[data-proposition]").forEach(function (item) { shown[item.getAttribute("data-proposition")] = true; });

    function setText(element, text) {
        if (element && element.textContent !== text) element.textContent = text;
    }

    function paragraph(className, text) {
        var element = document.createElement("p");
        element.className = className;
        element.textContent = text;
        return element;
    }

    function render(state) {
        var published = [];
        state.workshops.forEach(function (workshop) {
            setText(screen.querySelector('[data-compte="' + workshop.id + '-contributions"]'), workshop.contributions);
            setText(screen.querySelector('[data-compte="' + workshop.id + '-votes"]'), workshop.votes);
            var none = screen.querySelector('[data-aucune="' + workshop.id + '"]');
            if (none) none.hidden = !workshop.none;
            var list = screen.querySelector('[data-propositions="' + workshop.id + '"]');
            if (!list) return;
            list.replaceChildren.apply(list, workshop.proposals.map(function (proposal) {
                var item = document.createElement("li");
                item.setAttribute("data-proposition", proposal.id);
                item.append(paragraph("proposal-title", proposal.title), paragraph("proposal-support", proposal.support));
                if (proposal.opinion) item.append(paragraph("proposal-opinion", proposal.opinion));
                if (!shown[proposal.id]) {
                    shown[proposal.id] = true;
                    item.className = "nouvelle";
                    published.push(proposal.title);
                }
                return item;
            }));
        });
        setText(status, state.updated + " En direct.");
        if (published.length) setText(news, "Nouvelle proposition publiée : " + published.join(" ; "));
    }

    /* One read at a time; events during a read cause one more read after it. */
    function refresh() {
        if (paused) return;
        if (busy) { again = true; return; }
        busy = true;
        fetch(stateURL, { headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) { if (state && !paused) render(state); })
            .catch(function () { setText(status, "Connexion perdue : nouvel essai en cours."); })
            .finally(function () {
                busy = false;
                if (again) { again = false; refresh(); }
            });
    }

    function follow() {
        source = new EventSource(streamURL);
        source.onopen = refresh;
        source.onmessage = refresh;
    }

    pause.hidden = false;
    pause.addEventListener("click", function () {
        paused = !paused;
        if (paused) {
            source.close();
            pause.textContent = "Reprendre les mises à jour";
            setText(status, "Mises à jour en pause.");
        } else {
            pause.textContent = "Mettre en pause";
            follow();
        }
    });
    follow();
})();
