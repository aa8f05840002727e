## agents — l'accord du propriétaire par un lien (l'agent le montre sur son téléphone)

assist_owner_link = Le dossier est prêt ✅ WhatsApp ne peut pas le porter au propriétaire ({ $phone }) : montrez-lui ce lien ou son QR code (joint) sur votre téléphone.
    { $link }
    Il l'ouvre sur son propre téléphone, lit le dossier dans sa langue et l'envoie s'il est d'accord ; je vous préviens ici quand c'est fait. Le lien marche { $days } jours.
    Écrivez « menu » pour revenir à votre menu.
assist_owner_link_also = Si le message WhatsApp n'arrive pas au propriétaire ({ $phone }), montrez-lui ce lien ou son QR code (joint) :
    { $link }
    Il l'ouvre sur son propre téléphone, lit le dossier et l'envoie s'il est d'accord. Le lien marche { $days } jours.
btn_owner_link = Lien et QR
owner_link_invalid = Ce lien ne s'ouvre pas : il a peut-être été mal copié. Demandez à votre agent Tijara de vous le montrer à nouveau. En attendant, vous pouvez commencer ici.
owner_link_expired = Ce lien a expiré. Demandez à votre agent Tijara de vous en montrer un nouveau : votre dossier vous attend.
owner_link_used = Le dossier « { $business_name } » a déjà été confirmé et envoyé à l'équipe Tijara. Où il en est : { $status }. Il n'y a rien à refaire avec ce lien.
ui_link_open = Ouvrir
ui_link_copy = Copier
ui_link_copied = Lien copié
ui_link_copy_failed = Copie impossible : gardez le doigt sur le lien pour le copier.
ui_link_share = Partager
