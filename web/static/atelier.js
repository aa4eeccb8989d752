"use strict";

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
