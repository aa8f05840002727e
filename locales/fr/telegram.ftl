### Tijara — Telegram : les phrases propres à Telegram.

# Le bouton sous le clavier quand on demande le numéro (request_contact).
tg_share_contact = 📱 Partager mon numéro
# Envoyé avant une question à boutons, pour fermer le clavier « Partager mon numéro ».
tg_noted = C'est noté 👌
