## Changes after sending (flows/changes.py): the menu, each change in one line, the new
## revision sent for review, and how long a review usually takes (REVIEW_TIME_HINT).

btn_change_menu = Modifier
btn_change_price = Un prix
btn_change_photos = Des photos
btn_change_description = Une description
btn_change_moq = Une quantité minimum
btn_change_add_product = Un produit en plus
btn_change_remove_product = Retirer un produit
btn_change_none = Rien, merci
btn_send_changes = Envoyer les changements
btn_photo_replace = En remplacer une
btn_photo_add = En ajouter
btn_photo_remove = En retirer une

change_menu = Que voulez-vous changer ? Notre équipe vérifie chaque changement avant qu'il arrive sur votre vitrine ; d'ici là, rien ne bouge.
change_which_product = { $change } : de quel produit ?
change_photos = « { $product } » a { $count ->
        [one] une photo
       *[other] { $count } photos
    }. Vous voulez en remplacer une, en ajouter, ou en retirer une ?
change_photo_which = Quelle photo retirer ? Elles sont numérotées dans l'ordre d'envoi.
change_last_product = Votre vitrine garde au moins un produit : ajoutez-en un autre avant de retirer celui-ci.
change_last_photo = Un produit garde au moins une photo : vous pouvez la remplacer par une meilleure.
change_nothing = D'accord, rien n'est changé. Tapez « modifier » quand vous voulez.
change_done_field = ✅ { $field } du produit { $number } : c'est changé. Autre chose à changer, ou on envoie les changements ?
change_done_added = ✅ Produit { $number } « { $product } » ajouté. Autre chose à changer, ou on envoie les changements ?
change_done_removed = ✅ « { $product } » est retiré. Autre chose à changer, ou on envoie les changements ?
change_incomplete = Il manque encore « { $field } » au produit { $number } :
changes_sent = ✅ Vos changements sont envoyés. Notre équipe les vérifie, puis nous les mettons sur votre vitrine.
    { $time }
changes_sent_live = ✅ Vos changements sont envoyés. Notre équipe les vérifie, puis nous les mettons sur votre vitrine. D'ici là, votre vitrine reste en ligne telle qu'elle est.
    { $time }
changes_under_review = Les changements de « { $business_name } » sont en cours de vérification.
    { $time }
changes_under_review_live = Les changements de « { $business_name } » sont en cours de vérification. Votre vitrine reste en ligne telle qu'elle était : { $url }
    { $time }
review_time_hours = La vérification prend en général { $count ->
        [one] une heure
       *[other] { $count } heures
    }. Nous vous écrivons ici dès qu'elle est faite.
review_time_working_days = La vérification prend en général { $count ->
        [one] un jour ouvré
       *[other] { $count } jours ouvrés
    }. Nous vous écrivons ici dès qu'elle est faite.
review_time_days = La vérification prend en général { $count ->
        [one] un jour
       *[other] { $count } jours
    }. Nous vous écrivons ici dès qu'elle est faite.
review_time_unknown = Nous vous écrivons ici dès que la vérification est faite.
decision_changes_approved = Bonne nouvelle : les changements de « { $business_name } » sont acceptés ! Nous mettons votre vitrine à jour et vous écrivons dès que c'est fait.
decision_updated = Votre vitrine est à jour avec vos changements : { $url }
change_reminder = Bonjour ! Les changements de « { $business_name } » ne sont pas encore envoyés : votre vitrine reste comme avant tant qu'ils ne sont pas envoyés et acceptés.

words_change = modifier, changer, je veux modifier, je voudrais modifier, modification, modifier mon dossier, changer quelque chose, modifier quelque chose, corriger quelque chose
words_change_price = changer le prix, modifier le prix, nouveau prix, le prix, prix, changer un prix, modifier un prix, changer mon prix
words_change_photos = changer la photo, changer les photos, modifier les photos, nouvelle photo, une autre photo, changer une photo, remplacer une photo, ajouter une photo, ajouter des photos, retirer une photo, photos, photo
words_change_description = changer la description, modifier la description, nouvelle description, description
words_change_moq = changer la quantité minimum, modifier la quantité minimum, quantité minimum, minimum de commande, changer le minimum
words_change_add_product = ajouter un produit, nouveau produit, un produit en plus, un autre produit, ajouter un article
words_change_remove_product = retirer un produit, supprimer un produit, enlever un produit, retirer le produit, supprimer le produit
